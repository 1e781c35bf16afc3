//! Whom `bilan serve` answers: a request that names the server by an IP address, by
//! `localhost` (or a name under `.localhost`), or by a name given with `--allow-host`.
//!
//! A web page the writer visits while `serve` runs can point its own name at 127.0.0.1 (DNS
//! rebinding) and read the drafts through the writer's browser; the browser then sends that
//! name as the `Host`. Rebinding needs a name, so an address is always answered: a colleague
//! reaching `--bind 0.0.0.0` at `192.168.1.20:8000` is, `evil.example` is not. The reload
//! stream also refuses a page of another site (an `Origin` whose host is not answered).

use std::net::{IpAddr, Ipv6Addr};

use crate::message::Message;

/// Why a request is refused, in one line for the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// Decides whether to answer a request, from its `Host` and `Origin` headers: `origin` is
/// only looked at for the reload stream (`events`). `allowed` holds the names given with
/// `--allow-host`, as `allowed_host` made them.
pub fn check(
    host: Option<&str>,
    origin: Option<&str>,
    events: bool,
    allowed: &[String],
) -> Result<(), Refused> {
    let Some(host) = host.map(str::trim) else {
        return Err(Refused(
            "bilan serve answers only requests that name it in a `Host` header".to_owned(),
        ));
    };
    if !is_answered(host_name(host), allowed) {
        let name = host_name(host);
        return Err(Refused(format!(
            "bilan serve answers only requests made to an IP address, to `localhost` or to a name given with `--allow-host`, not to `{name}`: to reach it by this name, start it with `--allow-host {name}`"
        )));
    }
    if let Some(origin) = origin.map(str::trim)
        && events
        && !origin_host(origin).is_some_and(|name| is_answered(name, allowed))
    {
        return Err(Refused(format!(
            "bilan serve sends its reload events only to the pages it serves, not to a page of `{origin}`"
        )));
    }
    Ok(())
}

/// Whether a host name (without its port) is answered.
fn is_answered(name: &str, allowed: &[String]) -> bool {
    let name = name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase();
    let address = name
        .strip_prefix('[')
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(&name);
    address.parse::<IpAddr>().is_ok()
        || name == "localhost"
        || name.ends_with(".localhost")
        || allowed.contains(&name)
}

/// The host of a `Host` header, without its port: `[::1]` of `[::1]:8000`, `localhost` of
/// `localhost:8000`. An IPv6 address without brackets (which has colons of its own) is
/// taken whole.
fn host_name(host: &str) -> &str {
    if host.starts_with('[') {
        return match host.find(']') {
            Some(end) => &host[..=end],
            None => host,
        };
    }
    if host.parse::<Ipv6Addr>().is_ok() {
        return host;
    }
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

/// The host of an `Origin` header (`http://localhost:8000`), or `None` when it names no
/// host (`null`, from a sandboxed page or a file).
fn origin_host(origin: &str) -> Option<&str> {
    let (_, rest) = origin.split_once("://")?;
    let authority = rest.split('/').next()?;
    let name = host_name(authority);
    (!name.is_empty()).then_some(name)
}

/// A name given with `--allow-host`, as the requests will be matched against it: without
/// the case nor a final dot. Refuses what is not a host name alone.
pub fn allowed_host(text: &str) -> Result<String, Message> {
    let name = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let valid = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_');
    if valid {
        Ok(name)
    } else {
        Err(msg!("serve-not-a-host", text))
    }
}

/// What to tell the writer when the server listens on `bind`, if that is not this computer
/// alone.
pub fn exposure_warning(bind: IpAddr, drafts: bool) -> Option<Message> {
    if bind.to_canonical().is_loopback() {
        return None;
    }
    let site = if drafts {
        msg!("serve-exposed-site-drafts")
    } else {
        msg!("serve-exposed-site")
    };
    let whom = if bind.is_unspecified() {
        msg!("serve-exposed-all")
    } else {
        msg!("serve-exposed-network", bind = bind.to_string())
    };
    Some(msg!("serve-exposed", bind = bind.to_string(), site, whom))
}

#[cfg(test)]
mod tests {

    use super::*;

    fn answered(host: &str) -> bool {
        check(Some(host), None, false, &[]).is_ok()
    }

    #[test]
    fn addresses_and_localhost_are_answered() {
        for host in [
            "localhost",
            "localhost:8000",
            "LocalHost:8000",
            "localhost.:8000",
            "notes.localhost:8000",
            "127.0.0.1",
            "127.0.0.1:8000",
            "192.168.1.20:8000",
            "[::1]",
            "[::1]:8000",
            "::1",
        ] {
            assert!(answered(host), "{host}");
        }
    }

    #[test]
    fn other_names_are_refused_with_how_to_allow_them() {
        for host in [
            "evil.example",
            "evil.example:8000",
            "localhost.evil.example",
            "evillocalhost",
            "127.0.0.1.evil.example:8000",
            "127.1",
            "[evil.example]:8000",
            "",
        ] {
            assert!(!answered(host), "{host}");
        }
        let Refused(why) = check(Some("evil.example:8765"), None, false, &[]).unwrap_err();
        assert!(why.contains("not to `evil.example`"), "{why}");
        assert!(why.contains("`--allow-host evil.example`"), "{why}");
        assert!(!why.contains('\n'), "one line: {why}");
        assert!(check(None, None, false, &[]).is_err(), "no Host at all");
    }

    #[test]
    fn names_given_with_allow_host_are_answered() {
        let allowed = vec![allowed_host("Mon-PC.local.").unwrap()];
        assert_eq!(allowed, ["mon-pc.local"]);
        assert!(check(Some("mon-pc.local:8000"), None, false, &allowed).is_ok());
        assert!(check(Some("MON-PC.LOCAL"), None, false, &allowed).is_ok());
        assert!(check(Some("other.local:8000"), None, false, &allowed).is_err());
        assert!(allowed_host("http://mon-pc.local").is_err());
        assert!(allowed_host("mon-pc.local:8000").is_err());
        assert!(allowed_host("").is_err());
    }

    #[test]
    fn the_reload_stream_refuses_pages_of_other_sites() {
        let events = |origin| check(Some("localhost:8000"), Some(origin), true, &[]);
        assert!(events("http://localhost:8000").is_ok());
        assert!(events("http://127.0.0.1:8000").is_ok());
        assert!(events("http://[::1]:8000").is_ok());
        let Refused(why) = events("http://evil.example:8000").unwrap_err();
        assert!(
            why.contains("not to a page of `http://evil.example:8000`"),
            "{why}"
        );
        assert!(events("null").is_err());
        assert!(events("https://localhost.evil.example").is_err());
        // Without an Origin (the browser sends none for its own page), and for pages, whose
        // answer another site's page cannot read anyway.
        assert!(check(Some("localhost:8000"), None, true, &[]).is_ok());
        let page = check(
            Some("localhost:8000"),
            Some("http://evil.example"),
            false,
            &[],
        );
        assert!(page.is_ok());
        // A foreign Host is refused on the stream too.
        assert!(check(Some("evil.example"), None, true, &[]).is_err());
    }

    #[test]
    fn listening_beyond_this_computer_is_said() {
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(exposure_warning(local, true), None);
        assert_eq!(exposure_warning("::1".parse().unwrap(), true), None);
        assert_eq!(
            exposure_warning("::ffff:127.0.0.1".parse().unwrap(), true),
            None
        );
        let all = exposure_warning("0.0.0.0".parse().unwrap(), true)
            .unwrap()
            .english();
        assert_eq!(
            all,
            "listening on 0.0.0.0, not on this computer alone: the whole site, drafts included, is readable by anyone on the networks of this computer"
        );
        let one = exposure_warning("192.168.1.20".parse().unwrap(), false)
            .unwrap()
            .english();
        assert!(
            one.contains("the whole site is readable by anyone on the network of 192.168.1.20"),
            "{one}"
        );
    }
}
