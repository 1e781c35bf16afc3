# Ce que bilan écrit, en français (les problèmes trouvés dans un site sont dans problems.ftl).
# Chaque message est aussi dans ../en/bilan.ftl, avec les
# mêmes paramètres (un test le vérifie). Les noms que l'on tape restent entre accents graves,
# tels quels. Typographie des pages : espace insécable avant « : », fine avant ; ! ?,
# apostrophe courbe.

## Les lignes de la commande

error = erreur : { $message }
error-cause = { $message } : { $cause }
warning = attention : { $message }
note = note : { $note }
# The label of a problem’s hint, before its text (`= help: …`).
# The library writes the colon after the name: the no-break space before it is the name's.
problem-help = aide 
problem = { $location } : { $message }
problems-found = { $count ->
    [one] 1 problème trouvé
   *[other] { $count } problèmes trouvés
  }
counts = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
  }, { $tables ->
    [one] 1 tableau
   *[other] { $tables } tableaux
  }, { $charts ->
    [one] 1 graphique
   *[other] { $charts } graphiques
  }
built = site construit en { $ms } ms : { $counts }, { $files ->
    [one] 1 fichier
   *[other] { $files } fichiers
  } → { $output }
build-failed = { $count ->
    [one] 1 problème trouvé
   *[other] { $count } problèmes trouvés
  } ; rien n’a été écrit, `{ $output }` est resté tel quel
build-missing = `{ $output }` a disparu : renommez `{ $aside }` en `{ $output }`, ou relancez la construction
build-nothing-replaced = rien n’a été remplacé : `{ $output }` est resté tel quel
checked = aucun problème : { $counts }, chaque lien et chaque chiffre vérifiés en { $ms } ms
checked-drafts = aucun problème : { $counts } (et { $drafts ->
    [one] 1 brouillon
   *[other] { $drafts } brouillons
  } que la construction laisse de côté), chaque lien et chaque chiffre vérifiés en { $ms } ms
progress = {"{"}bar:40{"}"} {"{"}pos{"}"}/{"{"}len{"}"} pages  {"{"}elapsed{"}"}
serving = le site est servi à l’adresse { $url } — il se recharge à chaque modification ; Ctrl+C pour arrêter
served-built = site construit en { $ms } ms : { $counts }
served-built-kept = site construit en { $ms } ms : { $counts } ({ $drawn ->
    [one] 1 note redessinée
   *[other] { $drawn } notes redessinées
  }, le reste gardé)
serve-failed = { $count ->
    [one] 1 problème trouvé
   *[other] { $count } problèmes trouvés
  } ; la dernière version correcte reste servie
report-made = { $note } créée, en brouillon
report-made-from = avec les titres, tableaux et graphiques de { $from }
report-made-data = avec une copie des chiffres de { $data_from } : { $copied }
report-made-draft = elle reste hors du site tant que vous n’enlevez pas la ligne `draft: true` de son en-tête
site-made = site créé dans { $dir } : ses réglages (content/site.yaml), une première note en brouillon et ses chiffres, et un guide ({ $guide })
site-made-next = pour le voir : cd { $dir }, puis bilan serve
no-such-language = `{ $text }` n’est pas une langue de bilan : choisissez fr ou en
did-you-mean = vouliez-vous dire `{ $name }` ?
more-problems = { $count ->
    [one] 1 autre problème de ce fichier n’est pas listé
   *[other] { $count } autres problèmes de ce fichier ne sont pas listés
  }
more-problems-hint = corrigez d’abord ceux ci-dessus : les autres viennent souvent avec eux

## La ligne de commande (`--help`)

help = Fait un site de rapports, de tableaux et de graphiques à partir de notes en Markdown et de chiffres en YAML.
help-lang = La langue des messages de bilan [par défaut : celle du site, sinon celle du système]
help-build = Construit le site dans le dossier de sortie
help-build-root = Le dossier qui contient `content/` (et, s’il y en a un, `themes/`) [par défaut : .]
help-build-output = Où écrire le site [par défaut : DOSSIER/output]
help-build-base_url = L’adresse complète où le site sera publié, à la place de `base_url` dans site.yaml
help-build-drafts = Publie aussi les brouillons
help-build-lang = { help-lang }
help-check = Vérifie le site comme le ferait une construction, et chaque lien entre ses pages, sans rien écrire
help-check-root = { help-build-root }
help-check-drafts = Vérifie aussi les brouillons
help-check-lang = { help-lang }
help-serve = Sert le site sur cet ordinateur, en le reconstruisant et en rechargeant la page à chaque modification
help-serve-root = { help-build-root }
help-serve-bind = L’adresse sur laquelle écouter [par défaut : 127.0.0.1]
help-serve-port = Le port sur lequel écouter (le suivant libre s’il est pris) [par défaut : 8000]
help-serve-allow_host = Un nom auquel répondre en plus des adresses IP et de `localhost`, comme `mon-pc.local` (répétable). Les requêtes qui appellent le serveur par un autre nom reçoivent 403 : sans cela, une page web pourrait diriger son propre nom vers cet ordinateur et lire le site
help-serve-no_drafts = Laisse les brouillons de côté, pour voir le site tel qu’il sera publié (ils sont montrés par défaut : serve est l’aperçu de celui qui écrit)
help-serve-lang = { help-lang }
help-new = Commence quelque chose de nouveau
help-new-lang = { help-lang }
help-new-report = Commence la note suivante, en brouillon, à partir de la dernière publiée : ses titres, ses tableaux et ses jeux de données
help-new-report-title = Le titre de la note, comme « Point d’avancement »
help-new-report-date = La date de la note, AAAA-MM-JJ ou JJ/MM/AAAA [par défaut : aujourd’hui]
help-new-report-from = La note de départ (son dossier, comme 2019-03-29-premier-trimestre) [par défaut : la dernière note publiée]
help-new-report-root = Le dossier qui contient `content/` [par défaut : .]
help-new-report-lang = { help-lang }
help-new-site = Commence un nouveau site dans un nouveau dossier (ou un dossier vide) : des réglages expliqués, une première note en brouillon avec un tableau et un graphique, et un petit guide
help-new-site-dir = Le dossier à créer, comme `mon-site`
help-new-site-title = Le nom du site [par défaut : « Mon école » / « My school »]
help-new-site-language = La langue du site : ses mots, ses dates et ses nombres [par défaut : fr]
help-new-site-reports_path = Le dossier des rapports dans les adresses [par défaut : rapports / reports]
help-new-site-lang = { help-lang }
help-flag = Affiche l’aide
version-flag = Affiche la version
help-usage = Utilisation :
help-commands = Commandes :
help-arguments = Arguments :
help-options = Options :
value-command = COMMANDE
cli-unknown-argument = l’option `{ $arg }` n’existe pas
cli-unknown-command = la commande `{ $command }` n’existe pas
cli-missing-argument = il manque `{ $arg }`
cli-invalid-value = `{ $value }` ne convient pas à `{ $arg }`
cli-invalid-value-because = `{ $value }` ne convient pas à `{ $arg }` : { $reason }
cli-missing-command = il faut une commande : build, check, serve ou new
cli-did-you-mean = vouliez-vous dire `{ $suggested }` ?
cli-more = pour en savoir plus : `bilan --help`
value-root = DOSSIER
value-output = DOSSIER
value-bind = ADRESSE
value-port = PORT
value-title = TITRE
value-dir = DOSSIER
usage-bilan = bilan [options] <COMMANDE>
usage-build = bilan build [options]
usage-check = bilan check [options]
usage-serve = bilan serve [options]
usage-new = bilan new [options] <COMMANDE>
usage-new-report = bilan new report [options] <TITRE>
usage-new-site = bilan new site [options] <DOSSIER>

## Le serveur

serve-page-title = bilan : { $count ->
    [one] 1 problème
   *[other] { $count } problèmes
  } — la page montre la dernière version correcte
serve-watch-start = mise en place de la surveillance des fichiers du site
serve-watching = surveillance de `{ $path }`
serve-exposed = à l’écoute sur { $bind }, pas seulement sur cet ordinateur : { $site } peut être lu par { $whom }
serve-no-free-port = aucun port libre entre { $first } et { $last } sur { $bind }
serve-exposed-site = tout le site
serve-exposed-site-drafts = tout le site, brouillons compris,
serve-exposed-all = n’importe qui sur les réseaux de cet ordinateur
serve-exposed-network = n’importe qui sur le réseau de { $bind }
value-allow_host = NOM
value-reports_path = DOSSIER
