//! Lower case without Unicode's full case tables: `str::to_lowercase` links about 15 KB
//! (gzip) of tables into the hotkeys section (measured with `scripts/bench`), for letters our
//! users hardly type in a search box. This covers the alphabets of Label Studio's users' languages
//! that have case: Latin (ASCII, Latin-1, Latin Extended-A), Greek and Cyrillic. Any other
//! character is left as it is, so a search still finds it typed the same way.

/// `c` in lower case, for the alphabets above; any other character unchanged.
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        // À–Þ, but not ×.
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A and Cyrillic's extended letters: capital even, small odd...
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF
            if u.is_multiple_of(2) =>
        {
            u + 1
        }
        // ...or capital odd, small even.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !u.is_multiple_of(2) => u + 1,
        0x4D0..=0x4FF if u.is_multiple_of(2) => u + 1,
        0x178 => 0xFF,
        // Greek: Ά Έ–Ί Ό Ύ Ώ, Α–Ω.
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 0x3F,
        0x391..=0x3AB if u != 0x3A2 => u + 0x20,
        // Cyrillic: Ѐ–Џ, А–Я, Ӏ.
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x4C0 => 0x4CF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` with [`lower_char`] applied to every character.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where it lowers, it agrees with Unicode; in the alphabets it covers it misses nothing
    /// Unicode lowers to a single letter (İ, whose lower case is two characters, stays).
    #[test]
    fn agrees_with_unicode_for_latin_greek_and_cyrillic() {
        let covered = |c: char| matches!(c as u32, 0..=0x17F | 0x386..=0x3AB | 0x400..=0x4FF);
        for c in (0..0x3000).filter_map(char::from_u32) {
            let unicode: Vec<char> = c.to_lowercase().collect();
            let ours = lower_char(c);
            if ours != c {
                assert_eq!(unicode, [ours], "{c:?} U+{:04X}", c as u32);
            } else if covered(c) && unicode.len() == 1 {
                assert_eq!(unicode[0], c, "missed {c:?} U+{:04X}", c as u32);
            }
        }
        assert_eq!(
            lower("Étiquette ÄNDERN Ωμέγα ЖУРНАЛ Submit 提交"),
            "étiquette ändern ωμέγα журнал submit 提交"
        );
    }
}
