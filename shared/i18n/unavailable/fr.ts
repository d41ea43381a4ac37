/**
 * Texts of the screen shown when the data cannot be opened, in French: the default language and the fallback of every other one.
 * `en.ts` beside it has exactly the same keys (its type is derived from this object).
 */
export const fr = {
  title: 'Les données de Parcours ne peuvent pas être ouvertes',
  nothingChanged:
    'Rien n’a été modifié sur le disque : les fichiers sont restés exactement comme ils étaient.',
  problems: {
    missing: {
      title: 'Base de données absente',
      body: 'Le dossier de données de Parcours existe, mais la base de données qu’il devrait contenir n’y est plus. Elle a peut-être été déplacée ou supprimée.',
    },
    foreign_database: {
      title: 'Ce fichier n’est pas une base Parcours',
      body: 'Le dossier de données contient un fichier qui appartient à un autre programme ou une base non chiffrée. Parcours refuse de l’utiliser pour ne rien abîmer.',
    },
    unreadable: {
      title: 'Base de données illisible',
      body: 'La clé de ce poste n’ouvre pas la base de données : le fichier est peut-être endommagé, ou il vient d’une autre installation.',
    },
    from_future: {
      title: 'Base créée par une version plus récente',
      body: 'Ces données ont été enregistrées par une version plus récente de Parcours. Cette version ne peut pas les lire sans risquer de les abîmer.',
    },
    keyring_missing: {
      title: 'Trousseau de clés manquant',
      body: 'La base de données est là, mais le trousseau qui contient sa clé a disparu. Sans lui, seule une sauvegarde ou le code de secours permet de retrouver les données.',
    },
    in_use: {
      title: 'Données déjà ouvertes ailleurs',
      body: 'Un autre programme Parcours (le serveur de la clinique, l’application ou une commande) utilise déjà ce dossier de données. Un seul à la fois : fermez l’autre, puis vérifiez à nouveau.',
    },
    core_process_exited: {
      title: 'Parcours s’est arrêté',
      body: 'La partie de Parcours qui garde les données s’est arrêtée de façon inattendue. Fermez puis relancez Parcours ; si cela se reproduit, prévenez la coordination.',
    },
    worker_exited: {
      title: 'Lecture interrompue',
      body: 'La lecture longue (vérification du journal, rapport, export) s’est arrêtée avant la fin ; rien n’a été modifié. Relancez-la ; si cela se reproduit, prévenez la coordination.',
    },
    unknown: {
      title: 'Données indisponibles',
      body: 'Parcours n’a pas pu ouvrir ses données.',
    },
  },
  optionsTitle: 'Que faire ?',
  optionFuture: 'Installer la dernière version de Parcours sur ce poste, puis le relancer.',
  optionRestore: 'Restaurer la dernière sauvegarde du centre avec la commande :',
  restoreCommand: 'parcours restore --from FICHIER-DE-SAUVEGARDE --data DOSSIER-DE-DONNEES',
  optionRecovery: 'Utiliser le code de secours remis lors de l’installation (la coordination le conserve).',
  optionContact: 'Prévenir la coordination du centre avant toute autre manipulation.',
  checkAgain: 'Vérifier à nouveau',
};
