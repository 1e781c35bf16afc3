//! `bilan serve` as a writer uses it: the page is served, an edit is rebuilt and the tab
//! told to reload, a broken edit is reported while the last good page stays served.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::*;

/// The server, stopped when the test ends (even by a failed assertion).
struct Server {
    child: Child,
    port: u16,
    stderr: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(root: &Path) -> Server {
    start_with(root, &[])
}

fn start_with(root: &Path, extra: &[&str]) -> Server {
    // The root is given relative to the working folder, as a writer would, while the
    // watcher reports absolute paths: the two must be matched for an edit to be seen.
    let mut child = Command::new(env!("CARGO_BIN_EXE_bilan"))
        .args(["serve", "--port", &free_port().to_string()])
        .args(extra)
        .arg("--root")
        .arg(root.file_name().unwrap())
        .current_dir(root.parent().unwrap())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (port_sender, port) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines().map_while(Result::ok) {
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                let port: u16 = rest.split('/').next().unwrap().parse().unwrap();
                let _ = port_sender.send(port);
            }
        }
    });
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let (err_sender, errors) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = err_sender.send(line);
        }
    });
    let port = port
        .recv_timeout(Duration::from_secs(20))
        .expect("the server says where it listens");
    Server {
        child,
        port,
        stderr: errors,
    }
}

/// A raw GET, so that a path such as `/../x` reaches the server as it is.
fn get(port: u16, path: &str) -> (u16, String) {
    get_with(port, path, "Host: localhost")
}

/// A raw GET with the header lines `headers` (`Host: …`, separated by `\r\n`).
fn get_with(port: u16, path: &str, headers: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\n{headers}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

/// Listens to the reload events, as the page's script does.
fn events(port: u16) -> mpsc::Receiver<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "GET /__bilan/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
    )
    .unwrap();
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    receiver
}

fn wait_for_reload(events: &mpsc::Receiver<String>) -> Duration {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) {
        if let Ok(line) = events.recv_timeout(Duration::from_millis(100))
            && line == "event: reload"
        {
            return started.elapsed();
        }
    }
    panic!("no reload event within 10 s");
}

#[test]
fn serve_rebuilds_on_an_edit_and_keeps_the_last_good_site_on_a_broken_one() {
    let site = example_copy();
    let server = start(site.path());
    let page = "/rapports/2017-10-02-point-d-avancement/";

    let (status, html) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(html.contains("Cette note présente les principales étapes"));
    assert!(
        html.contains("new EventSource('/__bilan/events')"),
        "the page reloads itself"
    );
    assert_eq!(
        get(
            server.port,
            "/rapports/2017-10-02-point-d-avancement/sites.csv"
        )
        .0,
        200
    );

    // An edit: the new text is served and the tab is told to reload.
    let reloads = events(server.port);
    std::thread::sleep(Duration::from_millis(200));
    let note = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/index.md");
    std::fs::write(
        &note,
        read(&note).replace("Cette note présente", "Cette note, revue, présente"),
    )
    .unwrap();
    wait_for_reload(&reloads);
    let (_, html) = get(server.port, page);
    assert!(
        html.contains("Cette note, revue, présente"),
        "the edit is served"
    );

    // A broken dataset: reported in the terminal and over the page; the last good page stays.
    let data = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement/sites.yaml");
    std::fs::write(&data, read(&data).replace("entered: 67", "entered: [67")).unwrap();
    wait_for_reload(&reloads);
    let (status, html) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(
        html.contains("Cette note, revue, présente"),
        "the last good page is still served"
    );
    assert!(
        html.contains("id=\"bilan-problems\""),
        "the problem shows over the page"
    );
    assert!(html.contains("sites.yaml:11:"), "{html}");
    let mut terminal = String::new();
    while let Ok(line) = server.stderr.recv_timeout(Duration::from_millis(500)) {
        terminal.push_str(&line);
        terminal.push('\n');
        if line.starts_with("error:") {
            break;
        }
    }
    assert!(terminal.contains("sites.yaml:11:"), "{terminal}");

    // Only the site's own files are served.
    assert_eq!(get(server.port, "/../Cargo.toml").0, 404);
    assert_eq!(get(server.port, "/%2e%2e/%2e%2e/etc/passwd").0, 404);
    let (status, html) = get(server.port, "/no-such-page/");
    assert_eq!(status, 404);
    assert!(html.contains("Page introuvable"), "the site's 404 page");
}

#[test]
fn serve_shows_drafts_unless_told_not_to() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path().join("site");
    copy_dir(&fixture("drafts"), &root);
    let draft = "/reports/2018-04-15-work-in-progress/";
    let server = start(&root);
    let (status, page) = get(server.port, draft);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("class=\"draft-notice\""), "{page}");
    drop(server);
    let server = start_with(&root, &["--no-drafts"]);
    let (status, _) = get(server.port, draft);
    assert_eq!(status, 404);
}

/// The status of the answer to a request for the reload stream, which stays open when it is
/// granted: only its first line is read.
fn events_status(port: u16, headers: &str) -> u16 {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(stream, "GET /__bilan/events HTTP/1.1\r\n{headers}\r\n\r\n").unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let mut first = String::new();
    BufReader::new(stream).read_line(&mut first).unwrap();
    first
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn serve_answers_only_requests_made_to_an_address_or_localhost() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path().join("site");
    copy_dir(&fixture("drafts"), &root);
    let draft = "/reports/2018-04-15-work-in-progress/";
    let server = start(&root);
    let port = server.port;
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
        format!("notes.localhost:{port}"),
    ] {
        let (status, page) = get_with(port, draft, &format!("Host: {host}"));
        assert_eq!(status, 200, "Host: {host}\n{page}");
        assert!(page.contains("class=\"draft-notice\""), "{page}");
    }

    // A name pointed at this computer by another site (DNS rebinding) gets nothing.
    let (status, body) = get_with(port, draft, &format!("Host: evil.example:{port}"));
    assert_eq!(status, 403);
    assert_eq!(
        body,
        "bilan serve answers only requests made to an IP address, to `localhost` or to a name given with `--allow-host`, not to `evil.example`: to reach it by this name, start it with `--allow-host evil.example`\n"
    );
    assert!(!body.contains("draft"));
    assert_eq!(get_with(port, "/", "Host: evil.example").0, 403);
    assert_eq!(
        get_with(port, "/no-such-page/", "Host: evil.example").0,
        403
    );

    // The reload stream alike, and it refuses a page of another site.
    let local = format!("Host: localhost:{port}");
    assert_eq!(events_status(port, &local), 200);
    assert_eq!(
        events_status(port, &format!("{local}\r\nOrigin: http://localhost:{port}")),
        200
    );
    assert_eq!(events_status(port, "Host: evil.example"), 403);
    assert_eq!(
        events_status(port, &format!("{local}\r\nOrigin: http://evil.example")),
        403
    );
    assert_eq!(
        events_status(port, &format!("{local}\r\nOrigin: null")),
        403
    );
}

#[test]
fn serve_answers_the_names_given_with_allow_host() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path().join("site");
    copy_dir(&fixture("drafts"), &root);
    let server = start_with(
        &root,
        &["--allow-host", "mon-pc.local", "--allow-host", "Bilan.Test"],
    );
    let port = server.port;
    for host in ["mon-pc.local", "bilan.test", "BILAN.test"] {
        let (status, page) = get_with(port, "/", &format!("Host: {host}:{port}"));
        assert_eq!(status, 200, "Host: {host}\n{page}");
    }
    assert_eq!(get_with(port, "/", "Host: other.local").0, 403);
    let origin = format!("Host: mon-pc.local:{port}\r\nOrigin: http://mon-pc.local:{port}");
    assert_eq!(events_status(port, &origin), 200);
    assert_eq!(
        events_status(port, "Host: mon-pc.local\r\nOrigin: http://other.local"),
        403
    );

    // A name with a port or a scheme is a mistake on the command line.
    let wrong = bilan(&[&"serve", &"--allow-host", &"http://mon-pc.local:8000"]);
    assert_eq!(wrong.status.code(), Some(2), "{}", stderr(&wrong));
    assert!(
        stderr(&wrong).contains("give the name alone, without `http://` nor a port"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn serve_rebuilds_when_a_spreadsheet_is_saved() {
    let site = example_copy();
    let folder = site
        .path()
        .join("content/reports/2017-10-02-point-d-avancement");
    fs::write(
        folder.join("effectifs.csv"),
        "Site;Stagiaires entrés\nTPM;67\nCAVEM;31\n",
    )
    .unwrap();
    let note = folder.join("index.md");
    fs::write(
        &note,
        format!("{}\n```table\ndata: effectifs\n```\n", read(&note)),
    )
    .unwrap();
    let server = start(site.path());
    let page = "/rapports/2017-10-02-point-d-avancement/";
    let (status, html) = get(server.port, page);
    assert_eq!(status, 200);
    assert!(html.contains("CAVEM"), "{html}");
    let reloads = events(server.port);
    std::thread::sleep(Duration::from_millis(200));
    // Office's lock file appears beside the open file: nothing to rebuild, nothing served.
    fs::write(folder.join("~$effectifs.xlsx"), b"lock").unwrap();
    fs::write(
        folder.join("effectifs.csv"),
        "Site;Stagiaires entrés\nTPM;67\nCAVEM;31\nDracénie;12\n",
    )
    .unwrap();
    wait_for_reload(&reloads);
    let (_, html) = get(server.port, page);
    assert!(html.contains("Dracénie"), "the saved sheet is served");
    let (status, _) = get(
        server.port,
        "/rapports/2017-10-02-point-d-avancement/~$effectifs.xlsx",
    );
    assert_eq!(status, 404);
}
