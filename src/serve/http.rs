//! Answering the browser: the last good site from memory, with the live-reload script (and
//! the problems of a broken edit) added to every page, and the stream of reload events.

use std::fs;
use std::io::Write;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tiny_http::{Header, Request, Response, StatusCode};

use super::host::{self, Refused};
use super::{State, Subscribers};
use crate::html::escape;
use crate::message::Catalogue;
use crate::render::Content;

/// Where the page listens for rebuilds.
pub const EVENTS_PATH: &str = "/__bilan/events";

/// The script added to every page served (never to a built site): it reloads the page when
/// the site is rebuilt.
const RELOAD_SCRIPT: &str = "<script>(function(){var s=new EventSource('/__bilan/events');s.addEventListener('reload',function(){location.reload();});})();</script>";

pub fn answer(
    request: Request,
    state: &Arc<Mutex<State>>,
    subscribers: &Subscribers,
    allowed_hosts: &[String],
) {
    let url = request.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_owned();
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|header| header.field.equiv(name))
            .map(|header| header.value.as_str())
    };
    let events = path == EVENTS_PATH;
    if let Err(Refused(why)) = host::check(header("Host"), header("Origin"), events, allowed_hosts)
    {
        let mut response = Response::from_string(why + "\n").with_status_code(StatusCode(403));
        if let Ok(header) = Header::from_bytes("Content-Type", "text/plain; charset=utf-8") {
            response = response.with_header(header);
        }
        let _ = request.respond(response);
        return;
    }
    if events {
        stream_events(request, subscribers);
        return;
    }
    let response = match find(&path, state) {
        Some((status, bytes, content_type)) => {
            let header = Header::from_bytes("Content-Type", content_type).ok();
            let mut response = Response::from_data(bytes).with_status_code(StatusCode(status));
            if let Some(header) = header {
                response = response.with_header(header);
            }
            if let Ok(header) = Header::from_bytes("Cache-Control", "no-store") {
                response = response.with_header(header);
            }
            response
        }
        None => Response::from_string("not found").with_status_code(StatusCode(404)),
    };
    // The browser may have gone away: nothing to do about it.
    let _ = request.respond(response);
}

/// The bytes to answer `path` with, its status and type.
fn find(path: &str, state: &Arc<Mutex<State>>) -> Option<(u16, Vec<u8>, &'static str)> {
    let relative = decode_path(path)?;
    let state = state.lock().ok()?;
    let candidates = if relative.is_empty() || relative.ends_with('/') {
        vec![format!("{relative}index.html")]
    } else {
        vec![relative.clone(), format!("{relative}/index.html")]
    };
    let found = candidates
        .iter()
        .find_map(|c| state.files.get(c).map(|content| (c.as_str(), content)));
    let (status, name, content) = match found {
        Some((name, content)) => (200, name.to_owned(), content),
        None => match state.files.get("404.html") {
            Some(content) => (404, "404.html".to_owned(), content),
            None if state.problems.is_some() => {
                let page = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>bilan</title></head><body></body></html>";
                return Some((500, inject(page, &state), "text/html; charset=utf-8"));
            }
            None => return None,
        },
    };
    let bytes = match (content, content.in_memory()) {
        (_, Some(bytes)) => bytes.to_vec(),
        (Content::Copy(source), None) => fs::read(source).ok()?,
        // A note's PDF is made when its link is first followed, then kept.
        (Content::Deferred(pdf), None) => match pdf.bytes() {
            Ok(bytes) => bytes.to_vec(),
            Err(message) => {
                let say = Catalogue::new(state.language);
                let text = format!("{}\n", say.render(&msg!("pdf-failed", message)));
                return Some((500, text.into_bytes(), "text/plain; charset=utf-8"));
            }
        },
        (_, None) => return None,
    };
    let content_type = content_type(&name);
    if content_type.starts_with("text/html") {
        let html = String::from_utf8_lossy(&bytes);
        return Some((status, inject(&html, &state), content_type));
    }
    Some((status, bytes, content_type))
}

/// Adds the reload script, and the problems of the last build if it failed, to a page.
fn inject(html: &str, state: &State) -> Vec<u8> {
    let mut extra = String::from(RELOAD_SCRIPT);
    if let Some(problems) = &state.problems {
        extra.push_str(
            "<div id=\"bilan-problems\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
             margin:0;padding:1rem 1.25rem;background:#2b0b0b;color:#fff;font:14px/1.45 ui-monospace,monospace;z-index:99999;\
             border-top:4px solid #e5484d\"><strong style=\"font:600 15px system-ui,sans-serif\">",
        );
        extra.push_str(&escape(&state.problems_title));
        extra.push_str("</strong><pre style=\"white-space:pre-wrap;margin:.5rem 0 0\">");
        extra.push_str(&escape(problems));
        extra.push_str("</pre></div>");
    }
    let mut page = html.to_owned();
    match page.rfind("</body>") {
        Some(at) => page.insert_str(at, &extra),
        None => page.push_str(&extra),
    }
    page.into_bytes()
}

/// A request path as a path of the site: percent-decoded, without its leading `/`; `None`
/// for anything that tries to climb (`..`) or is not UTF-8.
fn decode_path(path: &str) -> Option<String> {
    let decoded = crate::url::percent_decode(path)?;
    let relative = decoded.trim_start_matches('/');
    let climbs = relative.split(['/', '\\']).any(|segment| segment == "..");
    (!climbs && !relative.contains('\0')).then(|| relative.to_owned())
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "csv" => "text/csv; charset=utf-8",
        "xml" => "application/xml",
        "json" => "application/json",
        "pdf" => "application/pdf",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// Server-sent events: one `reload` event after each rebuild, and a comment every few
/// seconds so that a closed tab is noticed and let go.
fn stream_events(request: Request, subscribers: &Subscribers) {
    let (sender, receiver) = mpsc::channel::<u64>();
    if let Ok(mut list) = subscribers.lock() {
        list.push(sender);
    }
    std::thread::spawn(move || {
        let mut writer = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n";
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        loop {
            let message = match receiver.recv_timeout(Duration::from_secs(10)) {
                Ok(version) => format!("event: reload\ndata: {version}\n\n"),
                Err(mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_owned(),
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if writer
                .write_all(message.as_bytes())
                .and_then(|()| writer.flush())
                .is_err()
            {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_climb_are_refused() {
        assert_eq!(decode_path("/rapports/a/").as_deref(), Some("rapports/a/"));
        assert_eq!(
            decode_path("/rapport%20final.pdf").as_deref(),
            Some("rapport final.pdf")
        );
        assert_eq!(decode_path("/../Cargo.toml"), None);
        assert_eq!(decode_path("/a/%2e%2e/%2e%2e/etc/passwd"), None);
        assert_eq!(decode_path("/a/..\\..\\x"), None);
    }

    #[test]
    fn pages_get_the_reload_script_and_the_problems() {
        let mut state = State::default();
        let page = String::from_utf8(inject("<html><body><p>x</p></body></html>", &state)).unwrap();
        assert!(
            page.contains("new EventSource('/__bilan/events')"),
            "{page}"
        );
        assert!(page.ends_with("</script></body></html>"), "{page}");
        state.problems = Some("a.md:1:1: <oops>".to_owned());
        state.problems_title = "1 problem".to_owned();
        let page = String::from_utf8(inject("<body></body>", &state)).unwrap();
        assert!(page.contains("id=\"bilan-problems\""));
        assert!(page.contains("a.md:1:1: &lt;oops&gt;"), "{page}");
    }
}
