//! A `multipart/form-data` body (RFC 7578), as the upload form sends it: its
//! parts by name, a file part with the file's name. The body is read whole
//! first, up to the upload limit, so this only cuts it at its boundaries.
//! Never panics: a body it cannot read is `None`.

/// One part of the form.
pub struct Part<'a> {
    pub name: String,
    /// The file's name as the browser gave it (a file part only).
    pub file_name: Option<String>,
    pub data: &'a [u8],
}

/// The boundary of a `multipart/form-data` content type.
pub fn boundary(content_type: &str) -> Option<String> {
    let (kind, params) = content_type.split_once(';')?;
    if !kind.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|b| !b.is_empty() && b.len() <= 200)
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    let first = needle[0];
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        let i = hay[at..=hay.len() - needle.len()]
            .iter()
            .position(|&b| b == first)?;
        if hay[at + i..].starts_with(needle) {
            return Some(at + i);
        }
        at += i + 1;
    }
    None
}

/// The parts of `body`, cut at `--boundary`.
pub fn parts<'a>(body: &'a [u8], boundary: &str) -> Option<Vec<Part<'a>>> {
    let open = format!("--{boundary}");
    let between = format!("\r\n--{boundary}");
    let start = find(body, open.as_bytes())?;
    let mut rest = &body[start + open.len()..];
    let mut out = Vec::new();
    loop {
        if rest.starts_with(b"--") {
            return Some(out);
        }
        rest = rest.strip_prefix(b"\r\n")?;
        let head_end = find(rest, b"\r\n\r\n")?;
        let head = std::str::from_utf8(&rest[..head_end]).ok()?;
        let content = &rest[head_end + 4..];
        let end = find(content, between.as_bytes())?;
        let (name, file_name) = disposition(head)?;
        out.push(Part {
            name,
            file_name,
            data: &content[..end],
        });
        rest = &content[end + between.len()..];
    }
}

/// The `name` and `filename` of a part's `Content-Disposition`.
fn disposition(head: &str) -> Option<(String, Option<String>)> {
    let line = head.lines().find(|l| {
        l.split_once(':')
            .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case("content-disposition"))
    })?;
    let mut name = None;
    let mut file = None;
    for p in line.split(';').skip(1) {
        let Some((k, v)) = p.split_once('=') else {
            continue;
        };
        let v = v.trim().trim_matches('"').to_string();
        match k.trim() {
            "name" => name = Some(v),
            "filename" => file = Some(v),
            _ => {}
        }
    }
    Some((name?, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_with_a_file_is_cut_into_its_parts() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-\r\n--X\r\n--XyZ--\r\n";
        let b = boundary("multipart/form-data; boundary=XyZ").unwrap();
        let p = parts(body, &b).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!((p[0].name.as_str(), p[0].data), ("csrf", &b"tok"[..]));
        assert_eq!(p[1].file_name.as_deref(), Some("a b.pdf"));
        assert_eq!(p[1].data, b"%PDF-\r\n--X");
    }

    #[test]
    fn a_body_that_is_not_multipart_is_none_never_a_panic() {
        assert!(boundary("application/x-www-form-urlencoded").is_none());
        for body in [
            &b""[..],
            b"--B",
            b"--B\r\n",
            b"--B\r\nContent-Disposition: form-data\r\n\r\nx",
        ] {
            assert!(parts(body, "B").is_none_or(|p| p.is_empty()));
        }
    }
}
