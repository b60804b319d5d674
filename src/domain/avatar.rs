//! Avatar checks done in the browser before anything is sent, mirroring Label Studio's server
//! rules (readable JPEG/PNG/GIF, ≤ 1200×1200 px, ≤ 1024 KB, a known extension), and the plan
//! for "Resize to fit".

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::domain::i18n::avatar::AvatarMsg;
use crate::domain::i18n::fill;

/// The editor's words in some language (`i18n::t` on the page, English in tests).
pub type Words = fn(AvatarMsg) -> &'static str;

/// Largest width or height the server accepts.
pub const MAX_SIDE: u32 = 1200;
/// Largest file the server accepts: 1024 KB.
pub const MAX_BYTES: u64 = 1_048_576;
/// JPEG qualities tried in order until the file fits.
pub const JPEG_QUALITIES: [f64; 6] = [0.92, 0.85, 0.75, 0.65, 0.5, 0.4];

/// An image format the server accepts, recognised by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Jpeg,
    Gif,
}

impl ImageKind {
    pub fn mime(self) -> &'static str {
        match self {
            ImageKind::Png => "image/png",
            ImageKind::Jpeg => "image/jpeg",
            ImageKind::Gif => "image/gif",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpg",
            ImageKind::Gif => "gif",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImageKind::Png => "PNG",
            ImageKind::Jpeg => "JPEG",
            ImageKind::Gif => "GIF",
        }
    }
}

/// The format by magic bytes; `None` for anything else or too few bytes.
pub fn sniff(head: &[u8]) -> Option<ImageKind> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(ImageKind::Jpeg)
    } else if head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a") {
        Some(ImageKind::Gif)
    } else {
        None
    }
}

/// What the browser learnt about a picked file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFacts {
    pub name: String,
    pub size: u64,
    /// From the first bytes.
    pub kind: Option<ImageKind>,
    /// From decoding the image; `None` when it could not be decoded.
    pub dimensions: Option<(u32, u32)>,
}

/// One reason the server would refuse the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotAnImage,
    Unreadable,
    TooLarge { width: u32, height: u32 },
    TooHeavy { size: u64 },
    BadExtension { name: String },
}

impl Problem {
    /// A sentence naming the limit and the file's value, in `words`' language.
    pub fn message(&self, words: Words) -> String {
        match self {
            Problem::NotAnImage => words(AvatarMsg::NotAnImage).into(),
            Problem::Unreadable => words(AvatarMsg::Unreadable).into(),
            Problem::TooLarge { width, height } => fill(
                words(AvatarMsg::TooLarge),
                &[
                    ("width", &width.to_string()),
                    ("height", &height.to_string()),
                    ("max", &MAX_SIDE.to_string()),
                ],
            ),
            Problem::TooHeavy { size } => fill(
                words(AvatarMsg::TooHeavy),
                &[
                    ("size", &format_size(*size, words)),
                    ("limit", &group_digits(MAX_BYTES)),
                ],
            ),
            Problem::BadExtension { name } => {
                fill(words(AvatarMsg::BadExtension), &[("name", name)])
            }
        }
    }

    /// Problems that "Resize to fit" can solve.
    pub fn is_resizable(&self) -> bool {
        matches!(self, Problem::TooLarge { .. } | Problem::TooHeavy { .. })
    }
}

/// Every problem with the file, in the order the server would check them.
pub fn check(facts: &FileFacts) -> Vec<Problem> {
    let mut problems = Vec::new();
    if facts.kind.is_none() {
        problems.push(Problem::NotAnImage);
    } else if facts.dimensions.is_none() {
        problems.push(Problem::Unreadable);
    }
    if let Some((width, height)) = facts.dimensions {
        if width > MAX_SIDE || height > MAX_SIDE {
            problems.push(Problem::TooLarge { width, height });
        }
    }
    if !has_accepted_extension(&facts.name) {
        problems.push(Problem::BadExtension {
            name: facts.name.clone(),
        });
    }
    if facts.size > MAX_BYTES {
        problems.push(Problem::TooHeavy { size: facts.size });
    }
    problems
}

/// True when "Resize to fit" can fix every problem (only size and dimensions are wrong).
pub fn can_resize(problems: &[Problem]) -> bool {
    !problems.is_empty() && problems.iter().all(Problem::is_resizable)
}

pub fn has_accepted_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "jpg" | "jpeg" | "png" | "gif"
        )
    })
}

/// The name sent to the server: the original base name with the extension of the real format.
pub fn upload_name(original: &str, kind: ImageKind) -> String {
    let base = original.rsplit(['/', '\\']).next().unwrap_or(original);
    let stem = match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => base,
    };
    let stem = if stem.trim().is_empty() {
        "avatar"
    } else {
        stem
    };
    format!("{stem}.{}", kind.extension())
}

/// How to redraw an image so it fits: the source rectangle and the output size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ResizePlan {
    /// Source crop (x, y, width, height) in source pixels.
    pub source: (u32, u32, u32, u32),
    pub width: u32,
    pub height: u32,
}

/// Fits `width × height` into `max × max`, keeping the aspect ratio; with `square`, crops the
/// centred largest square first. Never upscales.
pub fn resize_plan(width: u32, height: u32, max: u32, square: bool) -> ResizePlan {
    let (sx, sy, sw, sh) = if square {
        let side = width.min(height);
        ((width - side) / 2, (height - side) / 2, side, side)
    } else {
        (0, 0, width, height)
    };
    let scale = (f64::from(max) / f64::from(sw.max(sh))).min(1.0);
    let out = |v: u32| ((f64::from(v) * scale).round() as u32).max(1);
    ResizePlan {
        source: (sx, sy, sw, sh),
        width: out(sw),
        height: out(sh),
    }
}

/// The output format of a resize: PNG stays PNG (lossless, keeps transparency), the rest
/// becomes JPEG.
pub fn resize_output(kind: ImageKind) -> ImageKind {
    match kind {
        ImageKind::Png => ImageKind::Png,
        ImageKind::Jpeg | ImageKind::Gif => ImageKind::Jpeg,
    }
}

/// One encoding attempt of "Resize to fit": the drawing plan, and the JPEG quality (`None` for
/// PNG).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    pub plan: ResizePlan,
    pub quality: Option<f64>,
}

/// Attempts in order, each smaller than the last; the caller keeps the first that is at most
/// [`MAX_BYTES`]. JPEG steps the quality down at the full fitted size, then at 3/4 of it; PNG
/// (lossless) steps the size down by 15 % at a time.
pub fn resize_attempts(width: u32, height: u32, kind: ImageKind, square: bool) -> Vec<Attempt> {
    let fitted = resize_plan(width, height, MAX_SIDE, square);
    let scaled = |factor: f64| {
        let side = (f64::from(fitted.width.max(fitted.height)) * factor).round() as u32;
        resize_plan(width, height, side.max(1), square)
    };
    match resize_output(kind) {
        ImageKind::Png => (0..8)
            .map(|step| Attempt {
                plan: scaled(0.85f64.powi(step)),
                quality: None,
            })
            .collect(),
        _ => [1.0, 0.75]
            .into_iter()
            .flat_map(|factor| {
                JPEG_QUALITIES.map(|q| Attempt {
                    plan: scaled(factor),
                    quality: Some(q),
                })
            })
            .collect(),
    }
}

/// The line above a preview: "me.png — 400 × 300 px, 120 KB (122,880 bytes) (resized)".
pub fn preview_summary(
    name: &str,
    (width, height): (u32, u32),
    size: u64,
    resized: bool,
    words: Words,
) -> String {
    let template = if resized {
        AvatarMsg::SummaryResized
    } else {
        AvatarMsg::Summary
    };
    fill(
        words(template),
        &[
            ("name", name),
            ("width", &width.to_string()),
            ("height", &height.to_string()),
            ("size", &format_size(size, words)),
        ],
    )
}

/// "1.4 MB (1,468,006 bytes)" style sizes, in KB below 1 MB.
pub fn format_size(bytes: u64, words: Words) -> String {
    if bytes >= 1_048_576 {
        // Tenths of a MB, rounded half up, in integers: float formatting alone would add
        // ~10 KB to the first page's wasm.
        // Whole MB and the remainder apart, so no size overflows (`bytes * 10` did).
        let tenths = bytes / 1_048_576 * 10 + (bytes % 1_048_576 * 10 + 524_288) / 1_048_576;
        let size = format!("{}.{}", tenths / 10, tenths % 10);
        fill(
            words(AvatarMsg::SizeMb),
            &[("size", &size), ("bytes", &group_digits(bytes))],
        )
    } else {
        fill(
            words(AvatarMsg::SizeKb),
            &[
                ("size", &bytes.div_ceil(1024).to_string()),
                ("bytes", &group_digits(bytes)),
            ],
        )
    }
}

fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A photo chosen but not uploaded when the session ended, kept (sessionStorage, this tab only)
/// until the user has signed in again. A photo is not a secret; it is at most 1024 KB.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PendingAvatar {
    pub user_id: u64,
    pub name: String,
    /// The image's MIME type, e.g. `image/png`.
    pub mime: String,
    pub dimensions: (u32, u32),
    pub resized: bool,
    /// The file, base64 (standard alphabet, padded).
    pub data: String,
}

/// Where a pending photo waits.
pub const PENDING_AVATAR_KEY: &str = "ls-account-avatar-draft";

/// The pending photo's bytes, if it belongs to `user_id` and still decodes to an image of a kind
/// the server takes.
pub fn restorable_avatar(
    pending: Option<PendingAvatar>,
    user_id: u64,
) -> Option<(PendingAvatar, Vec<u8>)> {
    let pending = pending.filter(|p| p.user_id == user_id)?;
    let bytes = base64_decode(&pending.data)?;
    sniff(&bytes)?;
    Some((pending, bytes))
}

/// Standard padded base64 (web storage holds text only).
pub fn base64_encode(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

/// The inverse of [`base64_encode`]; `None` for anything it would not have written
/// (missing or misplaced padding, other alphabets).
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    STANDARD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::Catalog;

    fn en(msg: AvatarMsg) -> &'static str {
        msg.english()
    }

    #[test]
    fn preview_summary_names_the_file_its_size_and_a_resize() {
        assert_eq!(
            preview_summary("me.png", (400, 300), 2048, true, en),
            "me.png — 400 × 300 px, 2 KB (2,048 bytes) (resized)"
        );
        assert_eq!(
            preview_summary("me.jpg", (64, 64), 1_572_864, false, en),
            "me.jpg — 64 × 64 px, 1.5 MB (1,572,864 bytes)"
        );
    }

    #[test]
    fn base64_round_trips_and_matches_the_standard_alphabet() {
        assert_eq!(base64_encode(b""), "");
        assert_eq!(base64_encode(b"f"), "Zg==");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        assert_eq!(base64_encode(b"foo"), "Zm9v");
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(&[0xFB, 0xFF, 0xBF]), "+/+/");
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64_decode(&base64_encode(&all)), Some(all));
        assert_eq!(base64_decode("Zm8="), Some(b"fo".to_vec()));
        // Not what the encoder writes: wrong length, bad characters, padding in the middle.
        assert_eq!(base64_decode("Zm8"), None);
        assert_eq!(base64_decode("Zm8*"), None);
        assert_eq!(base64_decode("Zg==Zm9v"), None);
        assert_eq!(base64_decode("Z==="), None);
    }

    #[test]
    fn a_pending_photo_is_restored_only_for_its_user_and_only_if_it_is_an_image() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        let pending = PendingAvatar {
            user_id: 7,
            name: "me.png".into(),
            mime: "image/png".into(),
            dimensions: (32, 32),
            resized: false,
            data: base64_encode(&png),
        };
        assert_eq!(
            restorable_avatar(Some(pending.clone()), 7),
            Some((pending.clone(), png))
        );
        assert_eq!(restorable_avatar(Some(pending.clone()), 8), None);
        let text = PendingAvatar {
            data: base64_encode(b"<svg>"),
            ..pending.clone()
        };
        assert_eq!(restorable_avatar(Some(text), 7), None);
        let garbled = PendingAvatar {
            data: "%%%%".into(),
            ..pending
        };
        assert_eq!(restorable_avatar(Some(garbled), 7), None);
        assert_eq!(restorable_avatar(None, 7), None);
    }

    #[test]
    fn sizes_read_in_kb_below_a_megabyte_and_in_tenths_of_mb_above() {
        assert_eq!(format_size(1_048_575, en), "1024 KB (1,048,575 bytes)");
        assert_eq!(format_size(1_048_576, en), "1.0 MB (1,048,576 bytes)");
        assert_eq!(format_size(1_468_006, en), "1.4 MB (1,468,006 bytes)");
        // Half a tenth rounds up; just under it rounds down.
        assert_eq!(format_size(1_310_720, en), "1.3 MB (1,310,720 bytes)");
        assert_eq!(format_size(1_310_719, en), "1.2 MB (1,310,719 bytes)");
        assert_eq!(
            format_size(10 * 1_048_576 - 1, en),
            "10.0 MB (10,485,759 bytes)"
        );
    }

    #[test]
    fn magic_bytes_identify_the_format() {
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(ImageKind::Png)
        );
        assert_eq!(
            sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(sniff(b"GIF89a\x01\0"), Some(ImageKind::Gif));
        assert_eq!(sniff(b"GIF87a"), Some(ImageKind::Gif));
        // Truncated or foreign data.
        assert_eq!(sniff(b"\x89PNG\r\n"), None);
        assert_eq!(sniff(&[0xFF, 0xD8]), None);
        assert_eq!(sniff(b"GIF8"), None);
        assert_eq!(sniff(b""), None);
        assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), None);
        assert_eq!(sniff(b"<svg xmlns="), None);
    }

    fn facts(
        name: &str,
        size: u64,
        kind: Option<ImageKind>,
        dims: Option<(u32, u32)>,
    ) -> FileFacts {
        FileFacts {
            name: name.into(),
            size,
            kind,
            dimensions: dims,
        }
    }

    #[test]
    fn a_good_file_has_no_problems() {
        assert!(check(&facts(
            "me.png",
            10_000,
            Some(ImageKind::Png),
            Some((1200, 1200))
        ))
        .is_empty());
        assert!(check(&facts(
            "me.JPEG",
            MAX_BYTES,
            Some(ImageKind::Jpeg),
            Some((1, 1))
        ))
        .is_empty());
    }

    #[test]
    fn each_problem_names_the_limit_and_the_value() {
        let problems = check(&facts(
            "big.png",
            2_000_000,
            Some(ImageKind::Png),
            Some((4000, 300)),
        ));
        assert_eq!(
            problems,
            vec![
                Problem::TooLarge {
                    width: 4000,
                    height: 300
                },
                Problem::TooHeavy { size: 2_000_000 }
            ]
        );
        assert_eq!(
            problems[0].message(en),
            "The image is 4000 × 300 px; the limit is 1200 × 1200 px."
        );
        assert_eq!(
            problems[1].message(en),
            "The file is 1.9 MB (2,000,000 bytes); the limit is 1024 KB (1,048,576 bytes)."
        );
        assert!(can_resize(&problems));
    }

    #[test]
    fn content_and_decoding_problems_cannot_be_resized_away() {
        let fake = check(&facts("cat.png", 100, None, None));
        assert_eq!(fake, vec![Problem::NotAnImage]);
        assert!(!can_resize(&fake));
        let corrupt = check(&facts("cat.png", 100, Some(ImageKind::Png), None));
        assert_eq!(corrupt, vec![Problem::Unreadable]);
        let mixed = check(&facts("x.bmp", 2_000_000, None, None));
        assert!(!can_resize(&mixed));
    }

    #[test]
    fn extensions_are_checked_and_fixed_on_upload() {
        assert!(has_accepted_extension("a.JpG"));
        assert!(!has_accepted_extension("photo"));
        assert!(!has_accepted_extension("photo.webp"));
        let problems = check(&facts("photo", 10, Some(ImageKind::Png), Some((10, 10))));
        assert_eq!(
            problems[0].message(en),
            "“photo” must end in .jpg, .jpeg, .png or .gif."
        );
        let big_and_misnamed = check(&facts(
            "photo.bmp",
            2_000_000,
            Some(ImageKind::Png),
            Some((10, 10)),
        ));
        assert!(
            !can_resize(&big_and_misnamed),
            "resizing would not fix the name"
        );
        assert_eq!(upload_name("photo", ImageKind::Png), "photo.png");
        assert_eq!(upload_name("C:\\pics\\me.jpeg", ImageKind::Png), "me.png");
        assert_eq!(upload_name(".png", ImageKind::Jpeg), ".png.jpg");
        assert_eq!(upload_name("", ImageKind::Gif), "avatar.gif");
    }

    #[test]
    fn resize_fits_within_the_limit_and_can_crop_square() {
        assert_eq!(
            resize_plan(4000, 3000, 1200, false),
            ResizePlan {
                source: (0, 0, 4000, 3000),
                width: 1200,
                height: 900
            }
        );
        assert_eq!(
            resize_plan(3000, 4000, 1200, true),
            ResizePlan {
                source: (0, 500, 3000, 3000),
                width: 1200,
                height: 1200
            }
        );
        assert_eq!(
            resize_plan(800, 600, 1200, false).width,
            800,
            "never upscales"
        );
        assert_eq!(
            resize_plan(5000, 1, 1200, false).height,
            1,
            "never rounds to zero"
        );
        assert_eq!(resize_output(ImageKind::Gif), ImageKind::Jpeg);
        assert_eq!(resize_output(ImageKind::Png), ImageKind::Png);
    }

    #[test]
    fn attempts_shrink_monotonically() {
        let png = resize_attempts(3000, 2000, ImageKind::Png, false);
        assert_eq!(png[0].plan.width, 1200);
        assert!(png.windows(2).all(|w| w[1].plan.width < w[0].plan.width));
        assert!(png.iter().all(|a| a.quality.is_none()));
        let jpeg = resize_attempts(3000, 2000, ImageKind::Gif, true);
        assert_eq!(
            (jpeg[0].plan.width, jpeg[0].plan.height, jpeg[0].quality),
            (1200, 1200, Some(0.92))
        );
        assert_eq!(jpeg.len(), 12);
        assert_eq!(jpeg[6].plan.width, 900);
    }
}
