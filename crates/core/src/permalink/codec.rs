//! The link's text: `%XX` escapes, and where the fragment of a pasted address starts.

/// Decodes `%XX` escapes (and nothing else: `+` stays `+`, as in `1e+3`); `None` if malformed or
/// not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Escapes everything but letters, digits and `-._,+@` as `%XX`.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        // `:` is kept as is (a fragment may hold it): sweeps read `key:from:to:count`.
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b',' | b'+' | b'@' | b':')
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The fragment of a link: what follows `#` (or `?` if there is no `#`), or the whole text.
pub(super) fn fragment(link: &str) -> &str {
    let s = link.trim();
    if let Some((_, f)) = s.split_once('#') {
        f
    } else if let Some((_, q)) = s.split_once('?') {
        q
    } else {
        s
    }
}

/// A view option's value as an error quotes it.
pub(super) fn quoted(value: &str) -> String {
    format!("{:?}", crate::format::short(value, 40))
}
