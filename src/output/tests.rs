use super::*;

#[test]
fn only_plain_relative_paths_are_written() {
    assert!(safe_relative("rapports/a/index.html").is_some());
    assert!(safe_relative("../x").is_none());
    assert!(safe_relative("/etc/passwd").is_none());
    assert_eq!(
        safe_relative("rapports/a/sites.csv"),
        Some(Path::new("rapports").join("a").join("sites.csv"))
    );
    // What climbs or leaves on Windows, though Linux would read a name.
    assert!(safe_relative("a\\..\\..\\x").is_none());
    assert!(safe_relative("C:/Windows/x").is_none());
    assert!(safe_relative("C:x").is_none());
    assert!(safe_relative("a//b").is_none());
    assert!(safe_relative("").is_none());
}

#[test]
fn a_new_site_removed_under_its_build_is_never_swapped_in() {
    // Another build of the same output removes this one's folder as a leftover: the
    // files that follow must not make it again, and nothing may replace the output.
    let parent = tempfile::tempdir().unwrap();
    let out = parent.path().join("output");
    let staging = Staging::new(&out).unwrap();
    fs::remove_dir_all(staging.dir.path()).unwrap();
    let page = OutputFile {
        path: "rapports/a/index.html".to_owned(),
        content: Content::Bytes(b"<p>a</p>".to_vec()),
        from: PathBuf::from("content/reports/a.md"),
    };
    staging.put(vec![page]);
    let error = staging.finish().unwrap_err();
    assert!(
        format!("{error:#}").contains("another build of this output"),
        "{error:#}"
    );
    assert!(!out.exists());
    assert_eq!(fs::read_dir(parent.path()).unwrap().count(), 0);
}

/// What file systems without links answer: EPERM from Linux's FAT and exFAT, and from
/// Windows ERROR_INVALID_FUNCTION (1) for FAT and ERROR_NOT_SUPPORTED (50) for a share.
fn refused(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from_raw_os_error(1))
}

fn not_supported(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::from_raw_os_error(50))
}

#[test]
fn an_unchanged_file_is_copied_where_links_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old"), dir.path().join("new"));
    fs::create_dir_all(&old).unwrap();
    fs::create_dir_all(&new).unwrap();
    fs::write(old.join("index.html"), "<p>a</p>").unwrap();
    let source = dir.path().join("plan.pdf");
    fs::write(&source, "%PDF").unwrap();
    let modified = fs::metadata(&source).unwrap().modified().unwrap();
    fs::copy(&source, old.join("plan.pdf")).unwrap();
    fs::File::options()
        .write(true)
        .open(old.join("plan.pdf"))
        .unwrap()
        .set_modified(modified)
        .unwrap();
    for link in [refused as Link, not_supported] {
        let _ = fs::remove_file(new.join("index.html"));
        let _ = fs::remove_file(new.join("plan.pdf"));
        let page = new.join("index.html");
        write_unless_unchanged(b"<p>a</p>", &page, Some(&old.join("index.html")), link).unwrap();
        assert_eq!(fs::read(&page).unwrap(), b"<p>a</p>");
        let copy = new.join("plan.pdf");
        copy_unless_unchanged(&source, &copy, Some(&old.join("plan.pdf")), link).unwrap();
        assert_eq!(fs::read(&copy).unwrap(), b"%PDF");
        assert_eq!(fs::metadata(&copy).unwrap().modified().unwrap(), modified);
    }
    // The previous output's files are left as they were.
    assert_eq!(fs::read(old.join("index.html")).unwrap(), b"<p>a</p>");
    assert_eq!(fs::read(old.join("plan.pdf")).unwrap(), b"%PDF");
    // With links, the same calls link (on Unix the two names are one file).
    let linked = new.join("linked.html");
    write_unless_unchanged(
        b"<p>a</p>",
        &linked,
        Some(&old.join("index.html")),
        hard_link,
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let inode = |p: &Path| fs::metadata(p).unwrap().ino();
        assert_eq!(inode(&linked), inode(&old.join("index.html")));
        assert_ne!(
            inode(&new.join("index.html")),
            inode(&old.join("index.html"))
        );
        assert_ne!(inode(&new.join("plan.pdf")), inode(&old.join("plan.pdf")));
    }
}

#[test]
fn refuses_folders_it_must_not_replace() {
    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    fs::create_dir_all(root.join("content")).unwrap();
    assert!(check_target(root, &root.join("output")).is_ok());
    assert!(check_target(root, root).is_err());
    assert!(check_target(root, &root.join("..")).is_err());
    assert!(check_target(root, &root.join("content/out")).is_err());
    fs::create_dir_all(root.join("mine")).unwrap();
    fs::write(root.join("mine/notes.txt"), "mine").unwrap();
    assert!(check_target(root, &root.join("mine")).is_err());
    fs::write(root.join("mine").join(MARKER), "").unwrap();
    assert!(check_target(root, &root.join("mine")).is_ok());
}
