# What bilan says about the problems it finds in a site, in English (the rest is in bilan.ftl).
# Each message is also in ../fr/problems.ftl, with the same placeholders (a test checks it).

## Datasets

data-unknown-column = `{ $key }` is not a column of this dataset
data-unknown-column-hint = add it to `columns`, or correct the key
data-expects = `{ $column }` expects { $expected }, found { $found }
data-total-must-be = the total of `{ $column }` must be { $expected }, found { $found }
data-whole-or-number = write a whole number, or make the column `number`
data-remove-quotes = remove the quotes: a quoted figure is text
data-decimal-point = write decimals with a point: `{ $fixed }`
found-text = the text "{ $text }"
found-code = `{ $value }`
found-number = the number `{ $value }`
found-nothing = nothing
expected-text = text
expected-integer = a whole number such as `67`
expected-number = a number such as `12.5`
expected-percent = a fraction such as `0.25`, or a percentage such as `25 %`
expected-money = an amount such as `1221846` or `12.50`
expected-date = a date written YYYY-MM-DD, such as `2017-03-13`
data-no-total = `{ $column }` is not a column of figures, so it has no total

## YAML

yaml-holds-colon = the value of `{ $key }` holds `{ $colon }`, which YAML reads as a new key
yaml-put-in-quotes = put the text in quotes: `{ $fixed }`
yaml-unclosed-quote = the quote `{ $quote }` that opens here is never closed
yaml-unclosed-quote-hint = end the text with a `{ $quote }` on the same line: `{ $fixed }`
yaml-unclosed-bracket = the `{ $open }` that opens here is never closed
yaml-unclosed-bracket-hint = close it with `{ $close }` on the same line: `{ $fixed }`
yaml-mismatched-bracket = this bracket does not close the one that was opened
yaml-mismatched-bracket-hint = close each `[` with `]` and each `{"{"}` with `{"}"}`, in the reverse order they were opened
yaml-misplaced-bracket = this `{ $bracket }` closes nothing
yaml-misplaced-bracket-hint = remove it, or open it before with `{ $open }`
yaml-item-in-brackets = a list item `- ` cannot stand inside brackets `[ … ]` or braces `{"{"} … {"}"}`
yaml-item-in-brackets-hint = remove the `[` or `{"{"}` above and keep one `- ` item per line, or write the items between the brackets, separated by commas: `[a, b]`
yaml-read-as-item = a list item
yaml-read-as-list = a list
yaml-read-as-mapping = a mapping
yaml-starts-with = the value of `{ $key }` starts with `{ $start }`, which YAML reads as { $read_as }
yaml-put-in-quotes-or-comma = put the text in quotes: `{ $fixed }`, or if `{ $next_key }` is a key, put a comma before it: `{ $comma }`
yaml-tab-indent = this line is indented with a tab
yaml-tab-indent-hint = indent with spaces: YAML does not accept tabs at the start of a line
yaml-tab = this line holds a tab where YAML does not accept one
yaml-tab-hint = type spaces instead of the tab
yaml-space-after-colon = `{ $key }` needs a space after its `:`
yaml-colon-after-key = `{ $key }` needs a `:` after it
yaml-no-colon-hint = write a key, a colon, a space, then the value: `{ $fixed }`
yaml-quotes-close-early = the quotes of `{ $key }` close before the end of its value
yaml-quotes-close-early-text = the quotes close before the end of the text
yaml-quotes-close-early-hint = a quote inside the text ends it: put the whole text between other quotes: `{ $fixed }`
yaml-space-after-dash = a list item needs a space after its `-`
yaml-write = write `{ $fixed }`
yaml-item-indented-more = this item is indented more than the item above
yaml-item-indented-less = this item is indented less than the item above
yaml-item-column-hint = start every `- ` of a list in the same column: here column { $column }
yaml-item-among-keys = a list item `- ` stands among keys
yaml-item-among-keys-hint = to make a list of `{ $key }`, write `{ $key }:` alone on its line and each item below it as `  - …`; otherwise remove the `- `
yaml-key-column-hint = start `{ $name }` in the same column as `{ $above }` (column { $column })
yaml-key-column-or-hint = start `{ $name }` in the same column as `{ $above }` (column { $column }), or as `{ $outer }` (column { $outer_column })
yaml-key-indented-more = `{ $name }` is indented more than `{ $above }` on the line above
yaml-key-indented-less = `{ $name }` is indented less than `{ $above }` on the line above
yaml-key-among-items = the key `{ $name }` stands among the items of a list
yaml-key-among-items-hint = start `{ $name }` in the same column as `{ $parent }` (column { $column }) to end the list, or make it an item of its own: `- { $name }: …`
yaml-key-among-items-start-hint = start `{ $name }` at the beginning of the line, or make it an item of its own: `- { $name }: …`
yaml-empty = this is empty
yaml-empty-hint = expected { $expected }
yaml-expected-table = at least `data: NAME`, the dataset to show
yaml-expected-chart = at least `type`, `data` and `y`
yaml-expected-front-matter = at least `title: …` and, for a report, `date: YYYY-MM-DD`
yaml-expected-dataset = a list of rows, or `columns` and `rows`
yaml-expected-site = the site's settings, at least `title: …`
yaml-expected-strings = words such as `reports: Rapports`
yaml-expected-palette = `palette`, a list of colours
yaml-unknown-key = unknown key `{ $key }`
yaml-known-keys = the keys that can be used here are { $keys }
yaml-too-large = this YAML is too large or too deeply nested for bilan to read
yaml-too-deep = recursion limit exceeded
yaml-duplicate-key = duplicate mapping key `{ $key }` is not allowed here
yaml-missing-key = missing key `{ $key }`
yaml-hash-starts = the value of `{ $key }` starts with `#`, which YAML reads as a comment: `{ $key }` is empty
yaml-hash-comment = the `#` in the value of `{ $key }` starts a comment: `{ $key }` reads only "{ $read }"
data-no-such-column = the dataset `{ $dataset }` has no column `{ $key }`
data-its-columns = its columns are { $columns }
data-total-mismatch = the total of `{ $column }` is given as { $given } but the rows add up to { $sum }
data-total-mismatch-hint = correct the figure in the rows or in `total`, whichever is wrong
data-total-mismatch-sheet-hint = correct the figure in the rows or in the total row, whichever is wrong; a SUM that does not take in every row is a common cause
data-column-twice = the column `{ $column }` is declared twice
data-unknown-type = unknown column type `{ $kind }`
data-types-are = the types are { $types }
data-decimals-money = `decimals` goes with `type: money`
data-decimals-money-hint = remove `decimals`, or make the column `type: money`
data-decimals-0-or-2 = a money column shows `decimals: 0` or `decimals: 2`, found `{ $found }`
data-decimals-0-or-2-hint = write `decimals: 2` to show cents, `decimals: 0` to hide them
data-max-percent = `max` goes with `type: percent`
data-max-percent-hint = remove `max`, or make the column `type: percent`
data-max-positive = `max` must be a fraction above 0, such as `2` for 200 %
data-max-positive-hint = write `max: 1` for 100 %, `max: 2` for 200 %

## Sites of the network

network-unknown-site = `{ $name }` is not a site declared in `site.yaml`
network-closest-site = the closest declared site is `{ $close }`: correct the name, or add `{ $name }` to the aliases of its site, or declare it under `sites: {"{"}list: …{"}"}` in `site.yaml`
network-declare-site = declare it under `sites: {"{"}list: …{"}"}` in `site.yaml`
percent-above-max = `{ $column }` goes up to { $max_percent } (`max: { $max }`), found { $found }
percent-above-max-hint = correct the figure, or raise `max` on the column
percent-fractions = `{ $column }` holds fractions, so `{ $written }` would be { $percent }
percent-fractions-hint = write `{ $fraction }` or `{ $percent }` for { $percent }; if rates above 100 % are meant, give the column a `max:` (`max: 2` allows up to 200 %)

## Sheets and workbooks

sheet-no-rows = this file holds no rows
sheet-no-rows-hint = put the column labels in the first row, and the figures below them
sheet-past-last-column = this cell lies past the last labelled column
sheet-past-last-column-hint = give its column a label in the header row, or empty the cell
sheet-second-total = a second total row
sheet-second-total-hint = keep one row whose first cell is `Total`
sheet-no-label = this column has no label in the header row
sheet-no-label-hint = type a label in the first row above its figures, or remove the column
sheet-label-no-key = the label `{ $label }` gives no key
sheet-label-no-key-hint = use letters or digits in the label
sheet-label-twice = two columns are labelled `{ $label }`, or give the key `{ $key }`
sheet-label-twice-hint = give each column its own label
sheet-expected-integer-fr = a whole number such as `67` or `1 221 846`
sheet-expected-integer-en = a whole number such as `67` or `1,221,846`
sheet-expected-number-fr = a number such as `12,5`
sheet-expected-number-en = a number such as `12.5`
sheet-expected-percent-fr = a percentage such as `12,5 %`
sheet-expected-percent-en = a percentage such as `12.5%`
sheet-expected-money-fr = an amount such as `1 221 846,50 €`
sheet-expected-money-en = an amount such as `€1,221,846.50`
sheet-expected-date-fr = a date such as `13/03/2017`
sheet-expected-date-en = a date such as `2017-03-13`
sheet-error-cell = this cell holds the error `{ $error }`
sheet-error-cell-hint = correct its formula in the spreadsheet, or empty the cell if the figure is not known
sheet-no-cached-value = this formula was saved without its value
sheet-no-cached-value-hint = open the file in its spreadsheet program and save it again: the value of each formula is saved with it

## Links

links-menu = menu: { $message }
links-footer = footer: { $message }
links-from-host-root = the link `{ $link }` starts from the host's root
links-from-host-root-hint = write it relative to this page (`../autre-note/`), so the site works in a sub-folder and from disk
links-climbs-out = the link `{ $link }` climbs out of the site
links-climbs-out-hint = write it from the site's root, starting with `/` (`/plaquette.pdf`)
links-no-anchor = the link `{ $link }` names the anchor `{ $anchor }`, which is not on `{ $page }`
links-did-you-mean = did you mean `{ $address }`? (an address that starts with `/` is taken from the site's root)
links-to-nothing = the link `{ $link }` leads to nothing in the site

## The site's settings

config-base-url = `base_url` must be an absolute http(s) address without spaces, quotes, `?` or `#`, found "{ $found }"
config-base-url-hint = for example `https://www.e2c-var.fr/`
config-reports-path = `reports_path` must be a URL folder made of a-z, 0-9 and -, found "{ $found }"
config-reports-path-hint = for example `rapports`
config-theme = `theme` must be the name of a folder in `themes/`, found "{ $found }"
config-theme-hint = a theme name has no `/` and does not climb out with `..`
config-menu-scheme = menu link "{ $url }" is not a web page, a mail address or a phone number
config-menu-scheme-hint = give a page of the site (`rapports/`) or an address starting with https://, mailto: or tel:
config-menu-climbs = menu link "{ $url }" must lead to a page of the site
config-menu-climbs-hint = write it from the site's root, such as `rapports/` or `/rapports/`
config-pdf-feature = `pdf: true` asks for a PDF of every report, but this bilan was built without PDF support (the `pdf` feature)
config-pdf-feature-hint = use a bilan built with its default features (`cargo install --path .`, without `--no-default-features`), or remove `pdf: true`

## Notes after a build

no-feed-without-base-url = no feed.xml nor sitemap.xml: they need the site's address; set `base_url` in content/site.yaml (or give --base-url)
drafts-left-out = { $count ->
    [one] 1 draft left out: { $drafts }; add --drafts to preview it
   *[other] { $count } drafts left out: { $drafts }; add --drafts to preview them
  }
drafts-left-out-more = { $count } drafts left out: { $drafts } and { $more } more; add --drafts to preview them

## Notes and their front matter

and = { $first } and { $second }
note-front-matter-never-ends = the front matter that starts here never ends
note-front-matter-never-ends-hint = add a line `---` after the title, date and other keys
note-no-front-matter = no front matter at the top of this file
note-no-front-matter-hint = start the file with a line `---`, then `title: …` and `date: YYYY-MM-DD`, then `---`
note-date-format = `date` must be a date written YYYY-MM-DD, found "{ $found }"
note-date-format-hint = for example `date: 2017-10-02`
note-report-needs-date = a report needs a `date`
note-report-needs-date-hint = add `date: YYYY-MM-DD` to the front matter
note-image-beside = `image` must be a file beside the note, found "{ $found }"
note-image-beside-hint = name a file in the note's folder, such as `image: couverture.png`
note-folder-no-index = this folder has no `index.md`, so it is not a note
note-folder-no-index-hint = put the note's text in `index.md` inside the folder
note-stray-dataset = a dataset here belongs to no note
note-stray-dataset-hint = move it into a note's folder, or into `content/data/` to share it
note-stray-file = only notes (`NAME.md` or `NAME/index.md`) belong here
note-stray-file-hint = put images and datasets in the folder of the note that shows them
note-no-address = the name "{ $name }" gives no address
note-no-address-hint = name the note with letters or digits, such as `2017-10-02-point-d-avancement`
site-no-site-yaml = there is no `site.yaml`: this folder holds no bilan site
site-no-site-yaml-hint = run bilan in the folder that holds `content/`, or give it with `--root`; a site needs at least `content/site.yaml` with a `title`
site-no-site-yaml-no-content-hint = run bilan in the folder that holds `content/`, or give it with `--root`; a site needs at least `content/site.yaml` with a `title` (and there is no `content/` here either)
data-second-dataset = a second dataset is named `{ $name }`
data-second-dataset-hint = keep only one of `NAME.yaml` and `NAME.yml`
data-both-dataset = `{ $yaml }` and `{ $sheet }` would both be the dataset `{ $name }`
data-both-dataset-hint = rename one of them; to read the spreadsheet through the YAML file, write `source: "{ $file }"` in it and remove its `rows`
data-all-dataset = { $files } would all be the dataset `{ $stem }`
data-all-dataset-hint = keep one of them, or rename the others
note-image-missing = the image `{ $name }` is not beside this note
note-image-missing-hint = put the picture in the note's folder (a note written as `NAME.md` cannot have one: make it `NAME/index.md`)
note-same-address = this gets the address `{ $address }`, like `{ $other }`
note-same-address-hint = rename one of them: accents, capitals and spaces do not make names different
data-no-such-dataset = there is no dataset named `{ $name }`
data-no-such-dataset-hint = put `{ $name }.yaml` beside the note (in its folder) or in `content/data/`
column-holds-text = `{ $key }` holds text, not figures

## Tables and charts

table-columns-empty = `columns` names no column
table-columns-empty-hint = list the columns to show, or remove `columns` to show them all
table-compare-previous = `compare` can only be `previous`, found "{ $found }"
table-compare-previous-hint = write `compare: previous` to show the change since the previous note
table-compare-shared = `{ $name }` is the same in every note, so it has nothing to compare with
table-compare-shared-hint = put a `{ $name }.yaml` of its own in the folder of each note, or remove `compare`
chart-unknown-type = unknown chart type `{ $kind }`
chart-needs-y = a `{ $kind }` chart needs `y`
chart-give-y-hint = give the column of figures, such as `y: entered`
chart-y-empty = `y` names no column
chart-pie-one-column = a pie shows one column of figures
chart-pie-one-column-hint = keep one column in `y`, or use `type: bar`
chart-series-across = `series` goes with `across: reports`
chart-series-across-hint = remove `series`, or add `across: reports`
chart-across-reports = `across` can only be `reports`, found "{ $found }"
chart-across-reports-hint = write `across: reports` to follow a dataset from note to note
chart-across-x = with `across: reports` the x axis is the date of each report
chart-across-x-hint = remove `x`, and name the column that makes the lines in `series`
chart-across-kind = a chart across reports is a `line` or a `bar` chart
chart-across-kind-hint = write `type: line`
chart-across-one-column = a chart across reports follows one column of figures
chart-across-one-column-hint = keep one column in `y`; `series` makes the lines
chart-across-series = a chart across reports needs `series`
chart-across-series-hint = name the column whose values each get a line, such as `series: site`
chart-across-no-dataset = no report up to this one has a dataset named `{ $name }`
chart-across-no-dataset-hint = put `{ $name }.yaml` in the folder of each note to follow
chart-pie-negative = a pie cannot show a negative figure: `{ $column }` of `{ $category }` is { $value }
chart-pie-negative-hint = use `type: bar`, which draws negative figures left of zero
chart-text-column = `{ $key }` holds text, not figures, so it cannot be drawn
chart-text-column-hint = give `y` a column of type integer, number, percent or money
progress-across = a `progress` chart shows one note's figures
progress-across-hint = remove `across`; a site's page follows it from note to note
progress-y = a `progress` chart takes `value` and `target`, not `y`
progress-hint = write `value: entered` and `target: forecast`
progress-text-hint = give a column of type integer, number, percent or money
progress-needs = a `progress` chart needs `{ $name }`
derive-hint = write `LABEL = A / B` (a rate), `LABEL = A - B` (a difference) or `LABEL = share A` (a share of the total)
derive-no-equals = `{ $formula }` has no `=`
derive-text-hint = a derived column is worked out of columns of figures
derive-unknown-formula = `{ $formula }` is not a formula bilan knows
derive-no-label = a derived column needs a label before `=`
network-no-column = the dataset `{ $dataset }` has no column `{ $column }`, which `sites` in `site.yaml` names
network-no-column-hint = give the column that names sites in `sites: {"{"}column: …{"}"}`
network-folder = `sites: {"{"}path: …{"}"}` must be a URL folder made of a-z, 0-9 and -, found "{ $folder }"
network-folder-hint = for example `sites`
network-folder-reports = the site pages' folder `{ $folder }` is also `reports_path`
network-folder-reports-hint = give the site pages another folder in `sites: {"{"}path: …{"}"}`
network-folder-page = the site pages' folder `{ $folder }` is also the address of `{ $page }`
network-folder-page-hint = rename the page, or give the site pages another folder in `sites: {"{"}path: …{"}"}`

## Spreadsheets and CSV files

csv-unreadable-line = this line cannot be read: { $error }
csv-unreadable-line-hint = save the file again from the spreadsheet as CSV
csv-too-large = this file has more than { $rows } rows or { $columns } columns
csv-too-large-hint = keep in the file only the figures a report shows
csv-field-count = this line has { $fields } fields where the header has { $width }
csv-too-many-fields-hint = a separator too many, or a figure written with the separator inside it without quotes
csv-too-few-fields-hint = a separator is missing: an empty cell still needs its separator
csv-no-sheets = a CSV file has no sheets, so none named `{ $sheet }`
csv-no-sheets-hint = name the dataset `{ $name }`
source-beside = `source` must name a spreadsheet beside this file, found "{ $file }"
source-beside-hint = put the `.csv`, `.xlsx`, `.ods` or `.xls` file in the same folder, and write its name alone
source-and-rows = a file with `source` takes its rows from the spreadsheet
source-and-rows-hint = remove `rows`, or remove `source`
source-missing = there is no `{ $file }` beside this file
source-missing-hint = check the file's name, accents and spaces included
source-range = `range` must be cells such as `A3:F12`, found "{ $found }"
source-no-column = `{ $file }` has no column `{ $column }`
file-unreadable = cannot read this file: { $error }
sheet-too-large = this file is { $size } MB: bilan reads spreadsheets of at most { $max } MB
sheet-too-large-hint = keep in the file only the sheets and figures the report shows
workbook-save-again-hint = open the file in { $program } and save it again as `.{ $extension }`
workbook-password = this workbook is protected by a password, so it cannot be read
workbook-password-excel-hint = save a copy without a password (in Excel: File › Info › Protect Workbook) and name that one
workbook-password-hint = save a copy without a password (in { $program }: File › Info › Protect Workbook) and name that one
workbook-unreadable = this file cannot be read as a `.{ $extension }` workbook: { $error }
workbook-open-again-hint = open it in { $program } and save it again as `.{ $extension }`
workbook-merged = the cells `{ $at }` are merged, so their figures cannot be told apart
workbook-merged-hint = unmerge them (Home › Merge & Center) and type each value in its own cell
workbook-not-zip = this file is not a workbook: it is not a zip file, as workbooks are
workbook-damaged = this workbook is damaged: { $error }
workbook-zip-bomb = this workbook would unpack to more than { $max } MB: it is not a sheet of figures
workbook-no-sheet = this workbook has no sheet `{ $wanted }`
workbook-its-sheets = its sheets are { $sheets }
workbook-no-visible-sheet = this workbook has no visible sheet
workbook-too-far = the sheet `{ $sheet }` reaches cell { $cell }: bilan reads at most { $rows } rows and { $columns } columns
workbook-too-far-hint = keep in the sheet only the figures a report shows, or name a `range`
workbook-sheet-unreadable = the sheet `{ $name }` cannot be read: { $error }
workbook-sheet-unreadable-hint = open the file in Excel and save it again
workbook-too-many-cells = the sheet `{ $name }` holds more than { $max } cells

## Files and folders

text-too-large = this file is { $size } MB, more than the { $max } MB bilan reads
text-nul = this file holds a NUL byte: it is not a text file
text-nul-hint = save it again as plain UTF-8 text
text-not-utf8 = this file is not UTF-8 text
text-not-utf8-hint = save it again with the UTF-8 encoding
link-outside = this symbolic link leads outside the site's folder (or nowhere), so it is not read
link-outside-hint = copy the file into the site's folder instead
folder-unreadable = cannot read this folder: { $error }
windows-device = it keeps `{ $device }` for a device, whatever the extension
windows-control = it allows no control character ({ $code }) in a name
windows-forbidden = it allows no `{ $c }` in a name
windows-dot = it drops a dot at the end of a name
windows-space = it drops a space at the end of a name
windows-refuses = Windows cannot hold a { $what ->
    [folder] folder
   *[file] file
  } named `{ $name }`: { $why }
windows-refuses-hint = rename it: Windows cannot make it, so the site would not build there
windows-case = Windows cannot hold both `{ $first }` and `{ $name }` in one folder: it does not tell names apart by case
windows-case-hint = rename one of them: on Windows they would be one { $what ->
    [folder] folder
   *[file] file
  }, so the site would not build there

## Themes, pages and PDFs

theme-no-folder = the theme `{ $name }` has no folder `themes/{ $name }/`
theme-no-folder-hint = create the folder, or remove `theme` to use the built-in theme
theme-missing-template = `{ $current }` uses the template `{ $wanted }`, which is in no theme
theme-templates-are = the templates are { $templates }
theme-not-a-colour = "{ $bad }" is not a colour written `#RRGGBB`
theme-not-a-colour-hint = for example `"#0B4F8A"` (with the quotes: YAML reads `#` as a comment)
render-context = cannot prepare the page context: { $error }
publish-clash = this would be published as `{ $path }`, like `{ $other }`
publish-clash-folder = this would be published as `{ $path }`, but that is also the folder of `{ $other }`, from `{ $from }`
publish-clash-hint = rename one of them
pdf-failed = this note cannot become a PDF: { $message }
pdf-failed-hint = a picture of the note may be one the PDF cannot show (it takes PNG, JPEG, GIF, SVG and WebP), or the theme's `report.typ` may be wrong; set `pdf: false` to publish without PDFs
pdf-no-threads = cannot start the threads typst runs on
pdf-invalid-name = a virtual file of the PDF has an invalid name
pdf-typst-stopped = typst stopped on this note
pdf-not-built-in = this bilan was built without PDF support (the `pdf` feature)

## New notes and new sites

new-title-no-address = the title "{ $title }" gives no address
new-title-no-address-hint = give a title with letters or digits, such as "Point d'avancement"
new-site-unreadable = cannot read the site
new-note-exists = a note with this address already exists; nothing was changed
new-note-exists-hint = choose another title or date, or edit that note
new-cannot-create = cannot create this folder: { $error }
new-cannot-copy = cannot copy this dataset: { $error }
new-cannot-write-note = cannot write the note: { $error }
new-cannot-write = cannot write this file: { $error }
new-no-such-note = there is no note `{ $wanted }` in `content/reports/`
new-no-notes-yet = the site has no notes yet: leave out `--from`
new-latest-notes = the latest notes are { $notes }
new-not-a-date = `{ $text }` is not a date: type it as YYYY-MM-DD (2020-03-13) or DD/MM/YYYY (13/03/2020)
new-site-not-empty = this folder is not empty: bilan makes no site in it, so as to overwrite nothing
new-site-not-empty-hint = give a new folder, such as `bilan new site my-site`
new-site-is-a-file = this is a file, not a folder
new-site-reports-path = `{ $reports_path }` cannot be a folder of addresses: it takes letters a-z, digits and dashes
serve-not-a-host = `{ $text }` is not a host name: give the name alone, without `http://` nor a port, such as `mon-pc.local`

## The output folder

yaml-too-large-number = { $number } is too large a number
output-holds-site = the output folder `{ $shown }` holds the site itself
output-holds-site-hint = choose a folder of its own, such as `output`
output-inside-sources = the output folder `{ $shown }` is inside `{ $kept }/`
output-inside-sources-hint = choose a folder outside the site's sources, such as `output`
output-not-ours = `{ $shown }` already holds files that bilan did not make, so it will not replace them
output-not-ours-hint = choose another folder with `--output`, or move those files away
output-is-a-file = `{ $shown }` is a file, not a folder
output-is-a-file-hint = choose a folder with `--output`
output-unreadable = cannot read `{ $shown }`: { $error }
output-unreadable-hint = check the folder's permissions
output-no-parent = the output folder has no parent folder
output-creating = creating `{ $path }`
output-creating-in = creating a folder in `{ $path }`
output-writing-marker = writing the output marker
output-writing-keys = writing the output's keys
output-outside = refusing to write `{ $path }` outside the output folder
output-writing = writing `{ $path }`
output-removed = the new site's folder `{ $path }` was removed while it was being written: was another build of this output running at the same time? Run the build again
output-previous-aside = the previous site is whole in `{ $path }`
output-new-held-open = a program (an antivirus, a search indexer) holds a file of the new site open, so Windows will not move it into place: build again in a moment
output-moving-new = moving the new site into `{ $path }`
output-creating-aside = creating a folder for the previous output
output-preparing-aside = preparing to move the previous output aside
output-moving = moving `{ $path }`
output-held-open-file = Windows will not replace `{ $out }` while a program has one of its files open: close `{ $file }` and build again
output-held-open = Windows will not replace `{ $out }` while a program (a PDF viewer, an editor, Explorer) has one of its files or folders open: close it and build again
output-previous-kept = the new site is in place, but the previous one could not be removed ({ $error }); the next build removes it
output-removing-previous = removing the previous output at `{ $path }`
output-file-not-written = a file could not be written
