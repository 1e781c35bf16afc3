# What bilan prints, in English (the problems it finds in a site are in problems.ftl). Each
# message here is also in ../fr/bilan.ftl, with the same placeholders (a test checks). Names
# users type stay in backticks, as they are.

## The command's lines

error = error: { $message }
error-cause = { $message }: { $cause }
warning = warning: { $message }
note = note: { $note }
# The label of a problem's hint, before its text (`= help: …`).
problem-help = help
problem = { $location }: { $message }
problems-found = { $count ->
    [one] 1 problem
   *[other] { $count } problems
  } found
counts = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
  }, { $tables ->
    [one] 1 table
   *[other] { $tables } tables
  }, { $charts ->
    [one] 1 chart
   *[other] { $charts } charts
  }
built = built in { $ms } ms: { $counts }, { $files ->
    [one] 1 file
   *[other] { $files } files
  } → { $output }
build-failed = { $count ->
    [one] 1 problem
   *[other] { $count } problems
  } found; nothing was written, `{ $output }` is as it was
build-missing = `{ $output }` is missing: rename `{ $aside }` to `{ $output }`, or build again
build-nothing-replaced = nothing was replaced: `{ $output }` is as it was
checked = no problems: { $counts }, every link and figure checked in { $ms } ms
checked-drafts = no problems: { $counts } (and { $drafts ->
    [one] 1 draft
   *[other] { $drafts } drafts
  } that the build leaves out), every link and figure checked in { $ms } ms
progress = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} pages  {"{"}elapsed{"}"}
serving = serving the site at { $url } — it reloads on every change; Ctrl+C stops
served-built = built in { $ms } ms: { $counts }
served-built-kept = built in { $ms } ms: { $counts } ({ $drawn ->
    [one] 1 note
   *[other] { $drawn } notes
  } drawn again, the rest kept)
serve-failed = { $count ->
    [one] 1 problem
   *[other] { $count } problems
  } found; the last good version stays served
report-made = created { $note } as a draft
report-made-from = with the headings, tables and charts of { $from }
report-made-data = with copies of the figures of { $data_from }: { $copied }
report-made-draft = it stays out of the site until you remove the line `draft: true` from its front matter
site-made = site made in { $dir }: its settings (content/site.yaml), a first note as a draft with its figures, and a guide ({ $guide })
site-made-next = to see it: cd { $dir }, then bilan serve
no-such-language = `{ $text }` is not a language of bilan: give fr or en
did-you-mean = did you mean `{ $name }`?
more-problems = { $count ->
    [one] 1 more problem in this file are not listed
   *[other] { $count } more problems in this file are not listed
  }
more-problems-hint = correct the ones above first: the others often go with them

## The command line (`--help`)

help = Builds a website of reports, tables and charts from Markdown notes and YAML figures.
help-lang = The language of bilan's messages [default: the site's, or else the system's]
help-build = Build the site into the output folder
help-build-root = The folder that holds `content/` (and, optionally, `themes/`)
help-build-output = Where to write the site [default: ROOT/output]
help-build-base_url = The absolute URL where the site will live, overriding `base_url` in site.yaml
help-build-drafts = Publish drafts too
help-build-lang = { help-lang }
help-check = Check the site as a build would, and every link between its pages, writing nothing
help-check-root = { help-build-root }
help-check-drafts = Check drafts too
help-check-lang = { help-lang }
help-serve = Serve the site on this computer, rebuilding and reloading the page on every change
help-serve-root = { help-build-root }
help-serve-bind = The address to listen on
help-serve-port = The port to listen on (the next free one if it is taken)
help-serve-allow_host = A name to answer besides IP addresses and `localhost`, such as `mon-pc.local` (repeatable). Requests that call the server by any other name get 403: a web page could otherwise point its own name at this computer and read the site
help-serve-no_drafts = Leave drafts out, to see the site as it will be published (drafts are shown by default: serve is the writer's preview)
help-serve-lang = { help-lang }
help-new = Start something new
help-new-lang = { help-lang }
help-new-report = Start the next progress note, as a draft, from the latest published one: its headings, tables and datasets
help-new-report-title = The note's title, such as "Point d'avancement"
help-new-report-date = The note's date, YYYY-MM-DD or DD/MM/YYYY [default: today]
help-new-report-from = The note to start from (its folder, such as 2019-03-29-premier-trimestre) [default: the latest published note]
help-new-report-root = The folder that holds `content/`
help-new-report-lang = { help-lang }
help-new-site = Start a new site in a new (or empty) folder: settings explained, a first note as a draft with a table and a chart, and a short guide
help-new-site-dir = The folder to make, such as `mon-site`
help-new-site-title = The site's name [default: "Mon école" / "My school"]
help-new-site-language = The site's language: its words, dates and numbers
help-new-site-reports_path = The URL folder of the reports [default: rapports / reports]
help-new-site-lang = { help-lang }
help-flag = Print help
version-flag = Print version
help-usage = Usage:
help-commands = Commands:
help-arguments = Arguments:
help-options = Options:
value-command = COMMAND
cli-unknown-argument = unexpected argument `{ $arg }` found
cli-unknown-command = unrecognized subcommand `{ $command }`
cli-missing-argument = the following required argument was not provided: `{ $arg }`
cli-invalid-value = invalid value `{ $value }` for `{ $arg }`
cli-invalid-value-because = invalid value `{ $value }` for `{ $arg }`: { $reason }
cli-missing-command = a command is needed: build, check, serve or new
cli-did-you-mean = did you mean `{ $suggested }`?
cli-more = for more information, try `--help`
value-root = ROOT
value-output = OUTPUT
value-bind = BIND
value-port = PORT
value-title = TITLE
value-dir = DIR
usage-bilan = bilan [OPTIONS] <COMMAND>
usage-build = bilan build [OPTIONS]
usage-check = bilan check [OPTIONS]
usage-serve = bilan serve [OPTIONS]
usage-new = bilan new [OPTIONS] <COMMAND>
usage-new-report = bilan new report [OPTIONS] <TITLE>
usage-new-site = bilan new site [OPTIONS] <DIR>

## Serving

serve-page-title = bilan: { $count ->
    [one] 1 problem
   *[other] { $count } problems
  } — the page shows the last good version
serve-watch-start = starting to watch the site's files
serve-watching = watching `{ $path }`
serve-exposed = listening on { $bind }, not on this computer alone: { $site } is readable by { $whom }
serve-no-free-port = no free port between { $first } and { $last } on { $bind }
serve-exposed-site = the whole site
serve-exposed-site-drafts = the whole site, drafts included,
serve-exposed-all = anyone on the networks of this computer
serve-exposed-network = anyone on the network of { $bind }
value-allow_host = NAME
value-reports_path = FOLDER
