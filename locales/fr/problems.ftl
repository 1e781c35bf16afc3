# Ce que bilan dit des problèmes qu’il trouve dans un site, en français (le reste est dans
# bilan.ftl). Chaque message est aussi dans ../en/problems.ftl, avec les mêmes paramètres (un
# test le vérifie). Mêmes règles de typographie que dans bilan.ftl.

## Les jeux de données

data-unknown-column = `{ $key }` n’est pas une colonne de ce jeu de données
data-unknown-column-hint = ajoutez-la à `columns`, ou corrigez le nom
data-expects = `{ $column }` attend { $expected }, mais trouve { $found }
data-total-must-be = le total de `{ $column }` doit être { $expected }, mais c’est { $found }
data-whole-or-number = écrivez un nombre entier, ou donnez à la colonne le type `number`
data-remove-quotes = enlevez les guillemets : un chiffre entre guillemets est du texte
data-decimal-point = écrivez les décimales avec un point : `{ $fixed }`
found-text = le texte `{ $text }`
found-code = `{ $value }`
found-number = le nombre `{ $value }`
found-nothing = rien
expected-text = du texte
expected-integer = un nombre entier comme `67`
expected-number = un nombre comme `12.5`
expected-percent = une fraction comme `0.25`, ou un pourcentage comme `25 %`
expected-money = un montant comme `1221846` ou `12.50`
expected-date = une date écrite AAAA-MM-JJ, comme `2017-03-13`
data-no-total = `{ $column }` n’est pas une colonne de chiffres : elle n’a pas de total

## Le YAML

yaml-holds-colon = la valeur de `{ $key }` contient `{ $colon }`, que YAML lit comme une nouvelle clé
yaml-put-in-quotes = mettez le texte entre guillemets : `{ $fixed }`
yaml-unclosed-quote = le guillemet `{ $quote }` ouvert ici n’est jamais fermé
yaml-unclosed-quote-hint = terminez le texte par un `{ $quote }` sur la même ligne : `{ $fixed }`
yaml-unclosed-bracket = le `{ $open }` ouvert ici n’est jamais fermé
yaml-unclosed-bracket-hint = fermez-le par `{ $close }` sur la même ligne : `{ $fixed }`
yaml-mismatched-bracket = ce crochet ne ferme pas celui qui a été ouvert
yaml-mismatched-bracket-hint = fermez chaque `[` par `]` et chaque `{"{"}` par `{"}"}`, dans l’ordre inverse de leur ouverture
yaml-misplaced-bracket = ce `{ $bracket }` ne ferme rien
yaml-misplaced-bracket-hint = enlevez-le, ou ouvrez-le plus tôt par `{ $open }`
yaml-item-in-brackets = un élément de liste `- ` ne peut pas se trouver entre crochets `[ … ]` ou entre accolades `{"{"} … {"}"}`
yaml-item-in-brackets-hint = enlevez le `[` ou l’`{"{"}` au-dessus et gardez un élément `- ` par ligne, ou écrivez les éléments entre les crochets, séparés par des virgules : `[a, b]`
yaml-read-as-item = un élément de liste
yaml-read-as-list = une liste
yaml-read-as-mapping = un ensemble de clés
yaml-starts-with = la valeur de `{ $key }` commence par `{ $start }`, que YAML lit comme { $read_as }
yaml-put-in-quotes-or-comma = mettez le texte entre guillemets : `{ $fixed }`, ou, si `{ $next_key }` est une clé, mettez une virgule devant : `{ $comma }`
yaml-tab-indent = cette ligne est décalée par une tabulation
yaml-tab-indent-hint = décalez avec des espaces : YAML n’accepte pas de tabulation en début de ligne
yaml-tab = cette ligne contient une tabulation là où YAML n’en accepte pas
yaml-tab-hint = tapez des espaces à la place de la tabulation
yaml-space-after-colon = il faut un espace après le `:` de `{ $key }`
yaml-colon-after-key = il faut un `:` après `{ $key }`
yaml-no-colon-hint = écrivez une clé, deux-points, un espace, puis la valeur : `{ $fixed }`
yaml-quotes-close-early = les guillemets de `{ $key }` se ferment avant la fin de sa valeur
yaml-quotes-close-early-text = les guillemets se ferment avant la fin du texte
yaml-quotes-close-early-hint = un guillemet dans le texte le termine : mettez tout le texte entre des guillemets de l’autre sorte : `{ $fixed }`
yaml-space-after-dash = il faut un espace après le `-` d’un élément de liste
yaml-write = écrivez `{ $fixed }`
yaml-item-indented-more = cet élément est plus décalé que l’élément au-dessus
yaml-item-indented-less = cet élément est moins décalé que l’élément au-dessus
yaml-item-column-hint = commencez tous les `- ` d’une liste dans la même colonne : ici la colonne { $column }
yaml-item-among-keys = un élément de liste `- ` se trouve au milieu de clés
yaml-item-among-keys-hint = pour faire une liste de `{ $key }`, écrivez `{ $key }:` seul sur sa ligne et chaque élément en dessous sous la forme `  - …` ; sinon, enlevez le `- `
yaml-key-column-hint = commencez `{ $name }` dans la même colonne que `{ $above }` (colonne { $column })
yaml-key-column-or-hint = commencez `{ $name }` dans la même colonne que `{ $above }` (colonne { $column }), ou que `{ $outer }` (colonne { $outer_column })
yaml-key-indented-more = `{ $name }` est plus décalé que `{ $above }` sur la ligne au-dessus
yaml-key-indented-less = `{ $name }` est moins décalé que `{ $above }` sur la ligne au-dessus
yaml-key-among-items = la clé `{ $name }` se trouve au milieu des éléments d’une liste
yaml-key-among-items-hint = commencez `{ $name }` dans la même colonne que `{ $parent }` (colonne { $column }) pour finir la liste, ou faites-en un élément à part : `- { $name }: …`
yaml-key-among-items-start-hint = commencez `{ $name }` au début de la ligne, ou faites-en un élément à part : `- { $name }: …`
yaml-empty = c’est vide
yaml-empty-hint = on attend ici { $expected }
yaml-expected-table = au moins `data: NOM`, le jeu de données à montrer
yaml-expected-chart = au moins `type`, `data` et `y`
yaml-expected-front-matter = au moins `title: …` et, pour un rapport, `date: AAAA-MM-JJ`
yaml-expected-dataset = une liste de lignes, ou `columns` et `rows`
yaml-expected-site = les réglages du site, au moins `title: …`
yaml-expected-strings = des mots comme `reports: Rapports`
yaml-expected-palette = `palette`, une liste de couleurs
yaml-unknown-key = la clé `{ $key }` n’existe pas
yaml-known-keys = les clés possibles ici sont { $keys }
yaml-too-large = ce YAML est trop grand ou trop imbriqué pour que bilan le lise
yaml-too-deep = ce YAML est trop imbriqué pour que bilan le lise : trop de crochets ou d’accolades les uns dans les autres
yaml-duplicate-key = la clé `{ $key }` apparaît deux fois ici
yaml-missing-key = il manque la clé `{ $key }`
yaml-hash-starts = la valeur de `{ $key }` commence par `#`, que YAML lit comme le début d’un commentaire : `{ $key }` est vide
yaml-hash-comment = le `#` dans la valeur de `{ $key }` commence un commentaire : `{ $key }` ne contient que « { $read } »
data-no-such-column = le jeu de données `{ $dataset }` n’a pas de colonne `{ $key }`
data-its-columns = ses colonnes sont { $columns }
data-total-mismatch = le total de `{ $column }` est indiqué à { $given }, mais la somme des lignes fait { $sum }
data-total-mismatch-hint = corrigez le chiffre faux, dans les lignes ou dans `total`
data-total-mismatch-sheet-hint = corrigez le chiffre faux, dans les lignes ou dans la ligne du total ; une SOMME qui ne prend pas toutes les lignes en est souvent la cause
data-column-twice = la colonne `{ $column }` est déclarée deux fois
data-unknown-type = le type de colonne `{ $kind }` n’existe pas
data-types-are = les types sont { $types }
data-decimals-money = `decimals` ne va qu’avec `type: money`
data-decimals-money-hint = enlevez `decimals`, ou donnez à la colonne le type `type: money`
data-decimals-0-or-2 = une colonne de montants prend `decimals: 0` ou `decimals: 2`, pas `{ $found }`
data-decimals-0-or-2-hint = écrivez `decimals: 2` pour montrer les centimes, `decimals: 0` pour les cacher
data-max-percent = `max` ne va qu’avec `type: percent`
data-max-percent-hint = enlevez `max`, ou donnez à la colonne le type `type: percent`
data-max-positive = `max` doit être une fraction au-dessus de 0, comme `2` pour 200 %
data-max-positive-hint = écrivez `max: 1` pour 100 %, `max: 2` pour 200 %

## Les sites du réseau

network-unknown-site = `{ $name }` n’est pas un site déclaré dans `site.yaml`
network-closest-site = le site déclaré le plus proche est `{ $close }` : corrigez le nom, ou ajoutez `{ $name }` aux autres noms (`aliases`) de ce site, ou déclarez-le sous `sites: {"{"}list: …{"}"}` dans `site.yaml`
network-declare-site = déclarez-le sous `sites: {"{"}list: …{"}"}` dans `site.yaml`
percent-above-max = `{ $column }` va jusqu’à { $max_percent } (`max: { $max }`), mais trouve { $found }
percent-above-max-hint = corrigez le chiffre, ou augmentez le `max` de la colonne
percent-fractions = `{ $column }` contient des fractions : `{ $written }` voudrait donc dire { $percent }
percent-fractions-hint = écrivez `{ $fraction }` ou `{ $percent }` pour { $percent } ; si des taux au-dessus de 100 % sont voulus, donnez à la colonne un `max:` (`max: 2` permet jusqu’à 200 %)

## Les feuilles de calcul et les classeurs

sheet-no-rows = ce fichier ne contient aucune ligne
sheet-no-rows-hint = mettez les noms des colonnes dans la première ligne, et les chiffres en dessous
sheet-past-last-column = cette cellule est après la dernière colonne qui a un nom
sheet-past-last-column-hint = donnez un nom à sa colonne dans la ligne d’en-tête, ou videz la cellule
sheet-second-total = une deuxième ligne de total
sheet-second-total-hint = gardez une seule ligne dont la première cellule est `Total`
sheet-no-label = cette colonne n’a pas de nom dans la ligne d’en-tête
sheet-no-label-hint = tapez un nom dans la première ligne, au-dessus de ses chiffres, ou enlevez la colonne
sheet-label-no-key = le nom `{ $label }` ne donne pas de clé
sheet-label-no-key-hint = mettez des lettres ou des chiffres dans le nom
sheet-label-twice = deux colonnes ont le nom `{ $label }`, ou donnent la clé `{ $key }`
sheet-label-twice-hint = donnez à chaque colonne son propre nom
sheet-expected-integer-fr = un nombre entier comme `67` ou `1 221 846`
sheet-expected-integer-en = un nombre entier comme `67` ou `1,221,846`
sheet-expected-number-fr = un nombre comme `12,5`
sheet-expected-number-en = un nombre comme `12.5`
sheet-expected-percent-fr = un pourcentage comme `12,5 %`
sheet-expected-percent-en = un pourcentage comme `12.5%`
sheet-expected-money-fr = un montant comme `1 221 846,50 €`
sheet-expected-money-en = un montant comme `€1,221,846.50`
sheet-expected-date-fr = une date comme `13/03/2017`
sheet-expected-date-en = une date comme `2017-03-13`
sheet-error-cell = cette cellule contient l’erreur `{ $error }`
sheet-error-cell-hint = corrigez sa formule dans le tableur, ou videz la cellule si le chiffre n’est pas connu
sheet-no-cached-value = cette formule a été enregistrée sans sa valeur
sheet-no-cached-value-hint = ouvrez le fichier dans son tableur et enregistrez-le à nouveau : la valeur de chaque formule est enregistrée avec elle

## Les liens

links-menu = menu : { $message }
links-footer = pied de page (`footer`) : { $message }
links-from-host-root = le lien `{ $link }` part de la racine du serveur
links-from-host-root-hint = écrivez-le à partir de cette page (`../autre-note/`), pour que le site marche dans un sous-dossier et depuis le disque
links-climbs-out = le lien `{ $link }` sort du site
links-climbs-out-hint = écrivez-le à partir de la racine du site, en commençant par `/` (`/plaquette.pdf`)
links-no-anchor = le lien `{ $link }` vise l’ancre `{ $anchor }`, qui n’est pas sur `{ $page }`
links-did-you-mean = vouliez-vous dire `{ $address }` ? (une adresse qui commence par `/` part de la racine du site)
links-to-nothing = le lien `{ $link }` ne mène à rien dans le site

## Les réglages du site

config-base-url = `base_url` doit être une adresse complète en http(s), sans espaces, guillemets, `?` ni `#`, mais c’est « { $found } »
config-base-url-hint = par exemple `https://www.e2c-var.fr/`
config-reports-path = `reports_path` doit être un dossier d’adresse fait de a-z, 0-9 et -, mais c’est « { $found } »
config-reports-path-hint = par exemple `rapports`
config-theme = `theme` doit être le nom d’un dossier de `themes/`, mais c’est « { $found } »
config-theme-hint = un nom de thème n’a pas de `/` et ne remonte pas avec `..`
config-menu-scheme = le lien de menu « { $url } » n’est ni une page web, ni une adresse e-mail, ni un numéro de téléphone
config-menu-scheme-hint = donnez une page du site (`rapports/`) ou une adresse qui commence par `https://`, `mailto:` ou `tel:`
config-menu-climbs = le lien de menu « { $url } » doit mener à une page du site
config-menu-climbs-hint = écrivez-le à partir de la racine du site, comme `rapports/` ou `/rapports/`
config-pdf-feature = `pdf: true` demande un PDF de chaque rapport, mais ce bilan a été compilé sans les PDF (l’option `pdf`)
config-pdf-feature-hint = utilisez un bilan compilé avec ses options par défaut (`cargo install --path .`, sans `--no-default-features`), ou enlevez `pdf: true`

## Les notes après une construction

no-feed-without-base-url = ni feed.xml ni sitemap.xml : il leur faut l’adresse du site ; indiquez `base_url` dans content/site.yaml (ou donnez --base-url)
drafts-left-out = { $count ->
    [one] 1 brouillon laissé de côté : { $drafts } ; ajoutez --drafts pour le prévisualiser
   *[other] { $count } brouillons laissés de côté : { $drafts } ; ajoutez --drafts pour les prévisualiser
  }
drafts-left-out-more = { $count } brouillons laissés de côté : { $drafts } et { $more } autres ; ajoutez --drafts pour les prévisualiser

## Les notes et leur en-tête

and = { $first } et { $second }
note-front-matter-never-ends = l’en-tête qui commence ici ne se termine jamais
note-front-matter-never-ends-hint = ajoutez une ligne `---` après le titre, la date et les autres clés
note-no-front-matter = il n’y a pas d’en-tête en haut de ce fichier
note-no-front-matter-hint = commencez le fichier par une ligne `---`, puis `title: …` et `date: AAAA-MM-JJ`, puis `---`
note-date-format = `date` doit être une date écrite AAAA-MM-JJ, pas « { $found } »
note-date-format-hint = par exemple `date: 2017-10-02`
note-report-needs-date = un rapport a besoin d’une `date`
note-report-needs-date-hint = ajoutez `date: AAAA-MM-JJ` à l’en-tête
note-image-beside = `image` doit être un fichier à côté de la note, pas « { $found } »
note-image-beside-hint = nommez un fichier du dossier de la note, par exemple `image: couverture.png`
note-folder-no-index = ce dossier n’a pas de fichier `index.md`, ce n’est donc pas une note
note-folder-no-index-hint = mettez le texte de la note dans un fichier `index.md` à l’intérieur du dossier
note-stray-dataset = ce jeu de données n’appartient à aucune note
note-stray-dataset-hint = déplacez-le dans le dossier d’une note, ou dans `content/data/` pour le partager
note-stray-file = seules des notes (`NOM.md` ou `NOM/index.md`) ont leur place ici
note-stray-file-hint = mettez les images et les jeux de données dans le dossier de la note qui les montre
note-no-address = le nom « { $name } » ne donne pas d’adresse
note-no-address-hint = nommez la note avec des lettres ou des chiffres, par exemple `2017-10-02-point-d-avancement`
site-no-site-yaml = il n’y a pas de fichier `site.yaml` : ce dossier ne contient pas de site bilan
site-no-site-yaml-hint = lancez bilan dans le dossier qui contient `content/`, ou indiquez-le avec `--root` ; un site a besoin au moins de `content/site.yaml` avec un `title`
site-no-site-yaml-no-content-hint = lancez bilan dans le dossier qui contient `content/`, ou indiquez-le avec `--root` ; un site a besoin au moins de `content/site.yaml` avec un `title` (et il n’y a pas non plus de dossier `content/` ici)
data-second-dataset = un deuxième jeu de données s’appelle `{ $name }`
data-second-dataset-hint = ne gardez qu’un seul des deux fichiers `NOM.yaml` et `NOM.yml`
data-both-dataset = `{ $yaml }` et `{ $sheet }` seraient tous deux le jeu de données `{ $name }`
data-both-dataset-hint = renommez l’un des deux ; pour lire le tableur à travers le fichier YAML, écrivez-y `source: "{ $file }"` et enlevez ses `rows`
data-all-dataset = { $files } seraient tous le jeu de données `{ $stem }`
data-all-dataset-hint = gardez-en un seul, ou renommez les autres
note-image-missing = l’image `{ $name }` n’est pas à côté de cette note
note-image-missing-hint = mettez l’image dans le dossier de la note (une note écrite `NOM.md` ne peut pas en avoir : faites-en `NOM/index.md`)
note-same-address = cette note a l’adresse `{ $address }`, comme `{ $other }`
note-same-address-hint = renommez l’une des deux : les accents, les majuscules et les espaces ne suffisent pas à distinguer deux noms
data-no-such-dataset = il n’y a pas de jeu de données nommé `{ $name }`
data-no-such-dataset-hint = mettez `{ $name }.yaml` à côté de la note (dans son dossier) ou dans `content/data/`
column-holds-text = `{ $key }` contient du texte, pas des chiffres

## Les tableaux et les graphiques

table-columns-empty = `columns` ne nomme aucune colonne
table-columns-empty-hint = listez les colonnes à montrer, ou enlevez `columns` pour les montrer toutes
table-compare-previous = `compare` ne peut valoir que `previous`, pas « { $found } »
table-compare-previous-hint = écrivez `compare: previous` pour montrer l’évolution depuis la note précédente
table-compare-shared = `{ $name }` est le même dans toutes les notes : il n’y a rien à comparer
table-compare-shared-hint = mettez un fichier `{ $name }.yaml` propre à chaque note dans son dossier, ou enlevez `compare`
chart-unknown-type = le type de graphique `{ $kind }` n’existe pas
chart-needs-y = un graphique `{ $kind }` a besoin de `y`
chart-give-y-hint = indiquez la colonne des chiffres, par exemple `y: entered`
chart-y-empty = `y` ne nomme aucune colonne
chart-pie-one-column = un camembert montre une seule colonne de chiffres
chart-pie-one-column-hint = gardez une seule colonne dans `y`, ou utilisez `type: bar`
chart-series-across = `series` ne va qu’avec `across: reports`
chart-series-across-hint = enlevez `series`, ou ajoutez `across: reports`
chart-across-reports = `across` ne peut valoir que `reports`, pas « { $found } »
chart-across-reports-hint = écrivez `across: reports` pour suivre un jeu de données d’une note à l’autre
chart-across-x = avec `across: reports`, l’axe horizontal est la date de chaque rapport
chart-across-x-hint = enlevez `x`, et nommez dans `series` la colonne qui donne les lignes
chart-across-kind = un graphique qui suit les rapports est un graphique `line` ou `bar`
chart-across-kind-hint = écrivez `type: line`
chart-across-one-column = un graphique qui suit les rapports suit une seule colonne de chiffres
chart-across-one-column-hint = gardez une seule colonne dans `y` ; c’est `series` qui donne les lignes
chart-across-series = un graphique qui suit les rapports a besoin de `series`
chart-across-series-hint = nommez la colonne dont chaque valeur aura sa ligne, par exemple `series: site`
chart-across-no-dataset = aucun rapport jusqu’à celui-ci n’a de jeu de données nommé `{ $name }`
chart-across-no-dataset-hint = mettez `{ $name }.yaml` dans le dossier de chaque note à suivre
chart-pie-negative = un camembert ne peut pas montrer un chiffre négatif : `{ $column }` de `{ $category }` vaut { $value }
chart-pie-negative-hint = utilisez `type: bar`, qui dessine les chiffres négatifs à gauche du zéro
chart-text-column = `{ $key }` contient du texte, pas des chiffres : on ne peut pas le dessiner
chart-text-column-hint = donnez à `y` une colonne de type `integer`, `number`, `percent` ou `money`
progress-across = un graphique `progress` montre les chiffres d’une seule note
progress-across-hint = enlevez `across` ; la page d’un site le suit déjà d’une note à l’autre
progress-y = un graphique `progress` prend `value` et `target`, pas `y`
progress-hint = écrivez `value: entered` et `target: forecast`
progress-text-hint = donnez une colonne de type `integer`, `number`, `percent` ou `money`
progress-needs = un graphique `progress` a besoin de `{ $name }`
derive-hint = écrivez `LIBELLÉ = A / B` (un taux), `LIBELLÉ = A - B` (une différence) ou `LIBELLÉ = share A` (une part du total)
derive-no-equals = il n’y a pas de `=` dans `{ $formula }`
derive-text-hint = une colonne calculée se calcule à partir de colonnes de chiffres
derive-unknown-formula = `{ $formula }` n’est pas une formule que bilan connaît
derive-no-label = une colonne calculée a besoin d’un libellé avant le `=`
network-no-column = le jeu de données `{ $dataset }` n’a pas de colonne `{ $column }`, que nomme `sites` dans `site.yaml`
network-no-column-hint = indiquez la colonne qui nomme les sites dans `sites: {"{"}column: …{"}"}`
network-folder = `sites: {"{"}path: …{"}"}` doit être un dossier d’adresse fait de a-z, 0-9 et -, pas « { $folder } »
network-folder-hint = par exemple `sites`
network-folder-reports = le dossier des pages des sites, `{ $folder }`, est aussi `reports_path`
network-folder-reports-hint = donnez un autre dossier aux pages des sites dans `sites: {"{"}path: …{"}"}`
network-folder-page = le dossier des pages des sites, `{ $folder }`, est aussi l’adresse de `{ $page }`
network-folder-page-hint = renommez la page, ou donnez un autre dossier aux pages des sites dans `sites: {"{"}path: …{"}"}`

## Les tableurs et les fichiers CSV

csv-unreadable-line = cette ligne ne peut pas être lue : { $error }
csv-unreadable-line-hint = enregistrez de nouveau le fichier en CSV depuis le tableur
csv-too-large = ce fichier a plus de { $rows } lignes ou plus de { $columns } colonnes
csv-too-large-hint = ne gardez dans le fichier que les chiffres que montre un rapport
csv-field-count = cette ligne a { $fields } champs alors que l’en-tête en a { $width }
csv-too-many-fields-hint = un séparateur en trop, ou un chiffre qui contient le séparateur sans être entre guillemets
csv-too-few-fields-hint = il manque un séparateur : une cellule vide a quand même besoin du sien
csv-no-sheets = un fichier CSV n’a pas de feuilles, donc pas de feuille nommée `{ $sheet }`
csv-no-sheets-hint = nommez le jeu de données `{ $name }`
source-beside = `source` doit nommer un tableur à côté de ce fichier, pas « { $file } »
source-beside-hint = mettez le fichier `.csv`, `.xlsx`, `.ods` ou `.xls` dans le même dossier, et écrivez seulement son nom
source-and-rows = un fichier avec `source` prend ses lignes dans le tableur
source-and-rows-hint = enlevez `rows`, ou enlevez `source`
source-missing = il n’y a pas de fichier `{ $file }` à côté de ce fichier
source-missing-hint = vérifiez le nom du fichier, accents et espaces compris
source-range = `range` doit être une plage de cellules comme `A3:F12`, pas « { $found } »
source-no-column = `{ $file }` n’a pas de colonne `{ $column }`
file-unreadable = ce fichier ne peut pas être lu : { $error }
sheet-too-large = ce fichier fait { $size } Mo : bilan lit des tableurs de { $max } Mo au plus
sheet-too-large-hint = ne gardez dans le fichier que les feuilles et les chiffres que montre le rapport
workbook-save-again-hint = ouvrez le fichier dans { $program } et enregistrez-le de nouveau en `.{ $extension }`
workbook-password = ce classeur est protégé par un mot de passe : il ne peut pas être lu
workbook-password-excel-hint = enregistrez une copie sans mot de passe (dans Excel : Fichier › Informations › Protéger le classeur) et nommez celle-ci
workbook-password-hint = enregistrez une copie sans mot de passe (dans { $program } : Fichier › Propriétés › Sécurité) et nommez celle-ci
workbook-unreadable = ce fichier ne peut pas être lu comme un classeur `.{ $extension }` : { $error }
workbook-open-again-hint = ouvrez-le dans { $program } et enregistrez-le de nouveau en `.{ $extension }`
workbook-merged = les cellules `{ $at }` sont fusionnées : leurs chiffres ne peuvent pas être distingués
workbook-merged-hint = annulez la fusion (Accueil › Fusionner et centrer) et tapez chaque valeur dans sa propre cellule
workbook-not-zip = ce fichier n’est pas un classeur : ce n’est pas un fichier zip, comme le sont les classeurs
workbook-damaged = ce classeur est abîmé : { $error }
workbook-zip-bomb = ce classeur ferait plus de { $max } Mo une fois décompressé : ce n’est pas une feuille de chiffres
workbook-no-sheet = ce classeur n’a pas de feuille `{ $wanted }`
workbook-its-sheets = ses feuilles sont { $sheets }
workbook-no-visible-sheet = ce classeur n’a aucune feuille visible
workbook-too-far = la feuille `{ $sheet }` va jusqu’à la cellule { $cell } : bilan lit au plus { $rows } lignes et { $columns } colonnes
workbook-too-far-hint = ne gardez dans la feuille que les chiffres que montre un rapport, ou indiquez une plage avec `range`
workbook-sheet-unreadable = la feuille `{ $name }` ne peut pas être lue : { $error }
workbook-sheet-unreadable-hint = ouvrez le fichier dans Excel et enregistrez-le de nouveau
workbook-too-many-cells = la feuille `{ $name }` contient plus de { $max } cellules

## Les fichiers et les dossiers

text-too-large = ce fichier fait { $size } Mo, plus que les { $max } Mo que bilan lit
text-nul = ce fichier contient un octet NUL : ce n’est pas un fichier texte
text-nul-hint = enregistrez-le de nouveau en texte brut UTF-8
text-not-utf8 = ce fichier n’est pas du texte UTF-8
text-not-utf8-hint = enregistrez-le de nouveau avec l’encodage UTF-8
link-outside = ce lien symbolique mène hors du dossier du site (ou nulle part) : il n’est pas lu
link-outside-hint = copiez plutôt le fichier dans le dossier du site
folder-unreadable = ce dossier ne peut pas être lu : { $error }
windows-device = il réserve `{ $device }` à un périphérique, quelle que soit l’extension
windows-control = il n’accepte pas de caractère de contrôle ({ $code }) dans un nom
windows-forbidden = il n’accepte pas de `{ $c }` dans un nom
windows-dot = il supprime un point à la fin d’un nom
windows-space = il supprime une espace à la fin d’un nom
windows-refuses = Windows ne peut pas avoir de { $what ->
    [folder] dossier
   *[file] fichier
  } nommé `{ $name }` : { $why }
windows-refuses-hint = renommez-le : Windows ne peut pas le créer, le site ne pourrait donc pas y être construit
windows-case = Windows ne peut pas avoir à la fois `{ $first }` et `{ $name }` dans un même dossier : il ne distingue pas les majuscules des minuscules
windows-case-hint = renommez l’un des deux : sous Windows, ce serait un seul et même { $what ->
    [folder] dossier
   *[file] fichier
  }, le site ne pourrait donc pas y être construit

## Les thèmes, les pages et les PDF

theme-no-folder = le thème `{ $name }` n’a pas de dossier `themes/{ $name }/`
theme-no-folder-hint = créez le dossier, ou enlevez `theme` pour utiliser le thème intégré
theme-missing-template = `{ $current }` utilise le modèle `{ $wanted }`, qu’aucun thème ne contient
theme-templates-are = les modèles sont { $templates }
theme-not-a-colour = « { $bad } » n’est pas une couleur écrite `#RRGGBB`
theme-not-a-colour-hint = par exemple `"#0B4F8A"` (avec les guillemets : YAML lit `#` comme le début d’un commentaire)
render-context = impossible de préparer le contexte des pages : { $error }
publish-clash = ce fichier serait publié sous `{ $path }`, comme `{ $other }`
publish-clash-folder = ce fichier serait publié sous `{ $path }`, mais c’est aussi le dossier de `{ $other }`, qui vient de `{ $from }`
publish-clash-hint = renommez l’un des deux
pdf-failed = cette note ne peut pas devenir un PDF : { $message }
pdf-failed-hint = une image de la note est peut-être d’un format que le PDF ne peut pas montrer (il accepte PNG, JPEG, GIF, SVG et WebP), ou le fichier `report.typ` du thème est peut-être faux ; mettez `pdf: false` pour publier sans PDF
pdf-no-threads = impossible de démarrer les fils d’exécution de typst
pdf-invalid-name = un fichier virtuel du PDF a un nom invalide
pdf-typst-stopped = typst s’est arrêté sur cette note
pdf-not-built-in = cette version de bilan a été compilée sans la prise en charge des PDF (la fonctionnalité `pdf`)

## Les nouvelles notes et les nouveaux sites

new-title-no-address = le titre « { $title } » ne donne pas d’adresse
new-title-no-address-hint = donnez un titre avec des lettres ou des chiffres, par exemple « Point d’avancement »
new-site-unreadable = le site ne peut pas être lu
new-note-exists = une note a déjà cette adresse ; rien n’a été modifié
new-note-exists-hint = choisissez un autre titre ou une autre date, ou modifiez cette note
new-cannot-create = ce dossier ne peut pas être créé : { $error }
new-cannot-copy = ce jeu de données ne peut pas être copié : { $error }
new-cannot-write-note = la note ne peut pas être écrite : { $error }
new-cannot-write = ce fichier ne peut pas être écrit : { $error }
new-no-such-note = il n’y a pas de note `{ $wanted }` dans `content/reports/`
new-no-notes-yet = le site n’a encore aucune note : enlevez `--from`
new-latest-notes = les dernières notes sont { $notes }
new-not-a-date = `{ $text }` n’est pas une date : tapez-la sous la forme AAAA-MM-JJ (2020-03-13) ou JJ/MM/AAAA (13/03/2020)
new-site-not-empty = ce dossier n’est pas vide : bilan n’y crée pas de site, pour ne rien écraser
new-site-not-empty-hint = donnez un dossier nouveau, comme `bilan new site mon-site`
new-site-is-a-file = c’est un fichier, pas un dossier
new-site-reports-path = `{ $reports_path }` ne peut pas être un dossier d’adresse : il faut des lettres a-z, des chiffres et des tirets
serve-not-a-host = `{ $text }` n’est pas un nom d’hôte : donnez le nom seul, sans `http://` ni numéro de port, par exemple `mon-pc.local`

## Le dossier de sortie

yaml-too-large-number = { $number } est un nombre trop grand
output-holds-site = le dossier de sortie `{ $shown }` contient le site lui-même
output-holds-site-hint = choisissez un dossier à part, par exemple `output`
output-inside-sources = le dossier de sortie `{ $shown }` est à l’intérieur de `{ $kept }/`
output-inside-sources-hint = choisissez un dossier hors des sources du site, par exemple `output`
output-not-ours = `{ $shown }` contient déjà des fichiers que bilan n’a pas faits : il ne les remplacera pas
output-not-ours-hint = choisissez un autre dossier avec `--output`, ou déplacez ces fichiers ailleurs
output-is-a-file = `{ $shown }` est un fichier, pas un dossier
output-is-a-file-hint = choisissez un dossier avec `--output`
output-unreadable = `{ $shown }` ne peut pas être lu : { $error }
output-unreadable-hint = vérifiez les droits d’accès du dossier
output-no-parent = le dossier de sortie n’est dans aucun dossier
output-creating = création de `{ $path }`
output-creating-in = création d’un dossier dans `{ $path }`
output-writing-marker = écriture du repère de la sortie
output-writing-keys = écriture des clés de la sortie
output-outside = bilan refuse d’écrire `{ $path }` hors du dossier de sortie
output-writing = écriture de `{ $path }`
output-removed = le dossier du nouveau site, `{ $path }`, a été supprimé pendant son écriture : une autre construction de cette sortie tournait-elle en même temps ? Relancez la construction
output-previous-aside = l’ancien site est entier dans `{ $path }`
output-new-held-open = un programme (un antivirus, un outil d’indexation) garde ouvert un fichier du nouveau site, et Windows refuse de le mettre en place : relancez la construction dans un instant
output-moving-new = déplacement du nouveau site dans `{ $path }`
output-creating-aside = création d’un dossier pour l’ancienne sortie
output-preparing-aside = préparation du déplacement de l’ancienne sortie
output-moving = déplacement de `{ $path }`
output-held-open-file = Windows refuse de remplacer `{ $out }` tant qu’un programme garde ouvert l’un de ses fichiers : fermez `{ $file }` et relancez la construction
output-held-open = Windows refuse de remplacer `{ $out }` tant qu’un programme (un lecteur de PDF, un éditeur, l’Explorateur) garde ouvert l’un de ses fichiers ou dossiers : fermez-le et relancez la construction
output-previous-kept = le nouveau site est en place, mais l’ancien n’a pas pu être supprimé ({ $error }) ; la prochaine construction le supprimera
output-removing-previous = suppression de l’ancienne sortie dans `{ $path }`
output-file-not-written = un fichier n’a pas pu être écrit
