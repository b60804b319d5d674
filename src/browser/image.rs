//! Browser glue for images: read a file's first bytes, decode it, redraw it on a canvas.
//! The decisions (limits, formats, sizes) live in `domain::avatar`.

use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

use crate::domain::avatar::{Attempt, ImageKind, MAX_BYTES};

/// Why the browser could not read, decode or redraw an image. The caller words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageError {
    /// The browser refused; its own message, as it gave it.
    Browser(String),
    /// No attempt of [`shrink_to_fit`] encoded to at most [`MAX_BYTES`].
    StillTooLarge,
}

impl From<&str> for ImageError {
    fn from(what: &str) -> Self {
        ImageError::Browser(what.into())
    }
}

/// The first `n` bytes of a blob (enough to recognise the format).
pub async fn read_head(blob: &Blob, n: i32) -> Result<Vec<u8>, ImageError> {
    read_all(&blob.slice_with_i32_and_i32(0, n).map_err(describe)?).await
}

/// Every byte of a blob.
pub async fn read_all(blob: &Blob) -> Result<Vec<u8>, ImageError> {
    let buffer = JsFuture::from(blob.array_buffer())
        .await
        .map_err(describe)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// A blob of `bytes` with the MIME type `mime`.
pub fn blob_from(bytes: &[u8], mime: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()
}

/// Decodes the image; fails for damaged or unsupported data.
pub async fn decode(blob: &Blob) -> Result<ImageBitmap, ImageError> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window
        .create_image_bitmap_with_blob(blob)
        .map_err(describe)?;
    let bitmap = JsFuture::from(promise).await.map_err(describe)?;
    bitmap.dyn_into::<ImageBitmap>().map_err(describe)
}

/// Redraws `bitmap` per each attempt until one encodes to at most 1024 KB.
/// Returns the blob, its format and its size in pixels.
pub async fn shrink_to_fit(
    bitmap: &ImageBitmap,
    kind: ImageKind,
    attempts: &[Attempt],
) -> Result<(Blob, (u32, u32)), ImageError> {
    for attempt in attempts {
        let blob = draw(bitmap, kind, attempt).await?;
        if blob.size() as u64 <= MAX_BYTES {
            return Ok((blob, (attempt.plan.width, attempt.plan.height)));
        }
    }
    Err(ImageError::StillTooLarge)
}

async fn draw(
    bitmap: &ImageBitmap,
    kind: ImageKind,
    attempt: &Attempt,
) -> Result<Blob, ImageError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(describe)?
        .unchecked_into();
    canvas.set_width(attempt.plan.width);
    canvas.set_height(attempt.plan.height);
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .map_err(describe)?
        .ok_or("no 2d canvas")?
        .unchecked_into();
    let (w, h) = (
        f64::from(attempt.plan.width),
        f64::from(attempt.plan.height),
    );
    if kind == ImageKind::Jpeg {
        // JPEG has no transparency: paint white first instead of black.
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, w, h);
    }
    let (sx, sy, sw, sh) = attempt.plan.source;
    context
        .draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            bitmap,
            f64::from(sx),
            f64::from(sy),
            f64::from(sw),
            f64::from(sh),
            0.0,
            0.0,
            w,
            h,
        )
        .map_err(describe)?;
    let quality = attempt
        .quality
        .map_or(JsValue::UNDEFINED, JsValue::from_f64);
    let mime = kind.mime();
    let promise = Promise::new(&mut |resolve, reject| {
        let done = Closure::once_into_js(move |blob: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &blob);
        });
        if let Err(error) =
            canvas.to_blob_with_type_and_encoder_options(done.unchecked_ref(), mime, &quality)
        {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    });
    let blob = JsFuture::from(promise).await.map_err(describe)?;
    blob.dyn_into::<Blob>()
        .map_err(|_| "the browser could not encode the image".into())
}

/// A preview URL for a blob; revoke it with [`revoke_url`] when done.
pub fn object_url(blob: &Blob) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob).ok()
}

pub fn revoke_url(url: &str) {
    let _ = web_sys::Url::revoke_object_url(url);
}

fn describe(value: JsValue) -> ImageError {
    ImageError::Browser(
        value
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| "unknown browser error".into()),
    )
}
