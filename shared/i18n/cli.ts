/**
 * Messages of the `parcours` command line, French by default and English complete.
 * The language is chosen by PARCOURS_LANG, else LANG (en* → English).
 */
export const cliMessages = {
  fr: {
    usage:
      'Utilisation : parcours <commande> [options]\n\nCommandes :\n  init --data DIR --centre NOM --site CODE:Nom[:Ville] …   créer un centre (PARCOURS_ADMIN_USER, PARCOURS_ADMIN_PASSWORD)\n  serve --data DIR [--port N] [--host H]                     serveur de la clinique (navigateurs)\n  demo --data DIR                                            centre de démonstration\n  backup --data DIR --out FICHIER [--quiet]                  sauvegarde chiffrée et vérifiée\n  restore --from FICHIER --data DIR [--quiet]                restauration dans un nouveau dossier\n  export --data DIR --out FICHIER [--quiet]                  export JSON Lines de tout le centre\n  import --data DIR FICHIER [--quiet]                        import JSON Lines (tout ou rien)\n  audit verify --data DIR [--anchor CODE]                    vérifier la chaîne du journal d’audit (et un code d’ancrage)\n  audit anchor --data DIR                                    code d’ancrage de la tête du journal, à garder sur papier\n  recover --data DIR --user NOM                              nouveau mot de passe avec le code de récupération\n\nLes mots de passe viennent de PARCOURS_USER / PARCOURS_PASSWORD ou d’une invite, jamais de la ligne de commande.\nSur un terminal, backup, restore, export et import affichent leur avancement (nombre traité / total, débit, temps restant) ; --quiet le masque.\nServeur de la clinique : --audit-key-file FICHIER (ou PARCOURS_AUDIT_KEY_FILE), une clé du journal d’audit hors du dossier de données, à donner à chaque commande sur ce dossier.',
    missingOption: 'Option manquante : {{option}}',
    unknownCommand: 'Commande inconnue : {{command}}',
    promptUser: 'Identifiant : ',
    promptPassword: 'Mot de passe : ',
    promptRecovery: 'Code de récupération : ',
    noCredentials:
      'Identifiants requis : définissez PARCOURS_USER et PARCOURS_PASSWORD, ou lancez la commande dans un terminal.',
    wrongCredentials: 'Identifiant ou mot de passe incorrect.',
    throttled: 'Trop de tentatives échouées : réessayez dans {{seconds}} s.',
    forbidden: 'Ce compte n’a pas le droit de faire cela ({{permission}}).',
    storeUnavailable:
      'Le dossier de données ne peut pas être ouvert ({{problem}}). Rien n’a été modifié. Options : restaurer une sauvegarde (parcours restore), utiliser le code de récupération (parcours recover), vérifier le chemin --data.',
    initDone: 'Centre « {{centre}} » créé dans {{dir}}.',
    recoveryCode:
      'CODE DE RÉCUPÉRATION (affiché une seule fois, à conserver hors de l’ordinateur) :\n\n    {{code}}\n',
    alreadySetUp: 'Ce dossier contient déjà un centre : rien n’a été modifié.',
    badSite: 'Site invalide « {{value}} » : attendu CODE:Nom[:Ville] (CODE en majuscules).',
    invalidField: 'Valeur refusée pour {{field}} : {{reason}}',
    listening: 'Parcours listening on {{url}}',
    serveNotSetUp: 'Le centre n’est pas encore créé : ouvrez {{url}} pour l’assistant de mise en route.',
    auditIntact: 'Journal d’audit intact : {{count}} entrées vérifiées.',
    auditBroken:
      'Journal d’audit ALTÉRÉ à l’entrée {{seq}} ({{problem}}). {{count}} entrées vérifiées avant.',
    auditHeadMismatch:
      'Journal d’audit ALTÉRÉ (head_mismatch) : il ne contient plus la tête scellée hors de la base (entrée {{seq}}) — base remise à une copie plus ancienne, tronquée ou réécrite, ou enregistrement de tête remplacé. {{count}} entrées vérifiées. Comparez avec une sauvegarde et un code d’ancrage.',
    auditAnchor:
      'Code d’ancrage de la tête du journal ({{count}} entrées) :\n\n    {{code}}\n\nNotez-le sur papier, loin de cet ordinateur : « parcours audit verify --anchor {{code}} » prouvera plus tard que le journal contient toujours cette tête.',
    auditAnchorHeld:
      'Journal d’audit intact : {{count}} entrées vérifiées, et il contient toujours la tête ancrée par {{code}}.',
    auditAnchorBroken:
      'Journal d’audit RÉÉCRIT : il ne contient plus la tête ancrée par {{code}} (historique antérieur modifié ou rechiffré, ou entrées retirées). La chaîne actuelle ({{count}} entrées) se vérifie, mais ce n’est plus celle qui a été ancrée.',
    auditAnchorInvalid:
      'Code d’ancrage illisible : « {{code}} ». Attendu : numéro-XXXX-XXXX-XXXX, tel qu’imprimé par parcours audit anchor.',
    auditKeyInvalid:
      'Le fichier de clé du journal d’audit {{file}} ne contient pas une clé Parcours (32 octets en base64). Rien n’a été modifié : redonnez le bon fichier (--audit-key-file), sans le remplacer.',
    backupDone: 'Sauvegarde chiffrée écrite et vérifiée : {{file}} ({{tables}} tables, {{rows}} lignes).',
    restoreDone: 'Restauration vérifiée dans {{dir}} ({{rows}} lignes).',
    restoreTargetNotEmpty:
      'Le dossier {{dir}} n’est pas vide : la restauration se fait dans un nouveau dossier (ou ajoutez --replace pour remplacer après vérification).',
    backupInvalid: 'Ce fichier n’est pas une sauvegarde Parcours valide ({{reason}}). Rien n’a été écrit.',
    exportDone: '{{count}} enregistrements exportés dans {{file}}.',
    exportWarning:
      'ATTENTION : ce fichier contiendra tous les dossiers en clair (données personnelles et de santé). Gardez-le sur un support chiffré, ne l’envoyez jamais par e-mail, et effacez-le dès qu’il a servi.',
    importDone: 'Import terminé : {{created}} créés, {{updated}} mis à jour, {{unchanged}} inchangés.',
    importFailed: 'Import refusé, rien n’a été écrit. {{count}} erreur(s) :',
    importLineError: '  ligne {{line}}, champ {{field}} : {{reason}}',
    demoDone: 'Centre de démonstration créé dans {{dir}}. Comptes (mot de passe pour tous : {{password}}) :',
    recoverDone:
      'Nouveau mot de passe temporaire pour {{user}} : {{password}} (à changer à la prochaine connexion).',
    recoverWrong: 'Code de récupération incorrect.',
    unknownUser: 'Compte inconnu ou inactif : {{user}}',
    failed: 'Échec : {{message}}',
    folderInUse:
      'Ce dossier de données est utilisé par {{owner}} (processus {{pid}}, {{url}}). Une seule application à la fois : arrêtez-la avant de lancer cette commande, ou faites l’opération depuis l’application. Rien n’a été écrit.',
    owner_serve: 'le serveur de la clinique (parcours serve)',
    owner_desktop: 'l’application de bureau',
    owner_command: 'une autre commande parcours',
    owner_test: 'un autre programme Parcours',
    portInUse:
      'Le port {{port}} est déjà utilisé (un autre Parcours ou un autre programme). Choisissez-en un autre avec --port N, ou arrêtez celui qui l’occupe.',
    isDirectory: '{{path}} est un dossier : donnez un nom de fichier. Rien n’a été écrit.',
    notDirectory: '{{path}} n’est pas un dossier : donnez le chemin d’un dossier. Rien n’a été écrit.',
    missingPath: '{{path}} n’existe pas : créez le dossier ou corrigez le chemin. Rien n’a été écrit.',
    noPermission: 'Accès refusé à {{path}} pour ce compte du système. Rien n’a été écrit.',
    diskFull: 'Le disque est plein ({{path}}). Libérez de la place et relancez ; rien n’a été conservé.',
    alreadyExists: '{{path}} existe déjà. Rien n’a été écrit.',
    mustChangePassword:
      'Ce compte a un mot de passe temporaire : changez-le d’abord dans l’application, puis relancez la commande.',
    fileNotFound: 'Fichier introuvable : {{file}}. Rien n’a été écrit.',
    backupSelfCheckFailed:
      'La sauvegarde écrite n’a pas passé sa propre vérification ({{reason}}) : elle a été supprimée. Vérifiez l’espace disque et relancez.',
    progressLine: '{{phase}} : {{done}} / {{total}} {{unit}} ({{percent}} %) · {{rate}}/s · reste {{eta}}',
    progressLineStarting: '{{phase}} : {{done}} / {{total}} {{unit}} ({{percent}} %)',
    progressSummary: '{{phase}} : {{total}} {{unit}} en {{elapsed}} ({{rate}} {{unit}}/s)',
    progressPhase_validate: 'Vérification du fichier',
    progressPhase_write: 'Écriture',
    progressPhase_export: 'Export',
    progressPhase_copy: 'Copie',
    progressPhase_check: 'Contrôle',
    progressPhase_read: 'Lecture',
    progressUnit_records: 'enregistrements',
    progressUnit_bytes: 'Mo',
    progressUnit_pages: 'pages',
    progressUnit_tables: 'tables',
    backupOnServer: 'Le serveur de la clinique écrit la sauvegarde…',
  },
  en: {
    usage:
      'Usage: parcours <command> [options]\n\nCommands:\n  init --data DIR --centre NAME --site CODE:Name[:City] …   create a centre (PARCOURS_ADMIN_USER, PARCOURS_ADMIN_PASSWORD)\n  serve --data DIR [--port N] [--host H]                     clinic server (browsers)\n  demo --data DIR                                            demo centre\n  backup --data DIR --out FILE [--quiet]                     encrypted, verified backup\n  restore --from FILE --data DIR [--quiet]                   restore into a new folder\n  export --data DIR --out FILE [--quiet]                     JSON Lines export of the whole centre\n  import --data DIR FILE [--quiet]                           JSON Lines import (all or nothing)\n  audit verify --data DIR [--anchor CODE]                    verify the audit log chain (and an anchor code)\n  audit anchor --data DIR                                    anchor code of the log’s head, to keep on paper\n  recover --data DIR --user NAME                             new password with the recovery code\n\nPasswords come from PARCOURS_USER / PARCOURS_PASSWORD or a prompt, never from the command line.\nOn a terminal, backup, restore, export and import show their progress (done / total, rate, time left); --quiet hides it.\nClinic server: --audit-key-file FILE (or PARCOURS_AUDIT_KEY_FILE), an audit log key outside the data folder, to give to every command on that folder.',
    missingOption: 'Missing option: {{option}}',
    unknownCommand: 'Unknown command: {{command}}',
    promptUser: 'User name: ',
    promptPassword: 'Password: ',
    promptRecovery: 'Recovery code: ',
    noCredentials:
      'Credentials needed: set PARCOURS_USER and PARCOURS_PASSWORD, or run the command in a terminal.',
    wrongCredentials: 'Wrong user name or password.',
    throttled: 'Too many failed attempts: try again in {{seconds}} s.',
    forbidden: 'This account may not do that ({{permission}}).',
    storeUnavailable:
      'The data folder cannot be opened ({{problem}}). Nothing was changed. Options: restore a backup (parcours restore), use the recovery code (parcours recover), check the --data path.',
    initDone: 'Centre "{{centre}}" created in {{dir}}.',
    recoveryCode: 'RECOVERY CODE (shown once; keep it away from this computer):\n\n    {{code}}\n',
    alreadySetUp: 'This folder already holds a centre: nothing was changed.',
    badSite: 'Invalid site "{{value}}": expected CODE:Name[:City] (CODE in capitals).',
    invalidField: 'Value refused for {{field}}: {{reason}}',
    listening: 'Parcours listening on {{url}}',
    serveNotSetUp: 'The centre is not set up yet: open {{url}} for the set-up wizard.',
    auditIntact: 'Audit log intact: {{count}} entries verified.',
    auditBroken: 'Audit log ALTERED at entry {{seq}} ({{problem}}). {{count}} entries verified before it.',
    auditHeadMismatch:
      'Audit log ALTERED (head_mismatch): it no longer contains the head sealed outside the database (entry {{seq}}) — the database was put back to an older copy, cut short or rewritten, or the head record was replaced. {{count}} entries verified. Compare with a backup and an anchor code.',
    auditAnchor:
      'Anchor code of the log’s head ({{count}} entries):\n\n    {{code}}\n\nWrite it down on paper, away from this computer: "parcours audit verify --anchor {{code}}" will later prove that the log still contains this head.',
    auditAnchorHeld:
      'Audit log intact: {{count}} entries verified, and it still contains the head anchored by {{code}}.',
    auditAnchorBroken:
      'Audit log REWRITTEN: it no longer contains the head anchored by {{code}} (earlier history changed or re-keyed, or entries removed). The current chain ({{count}} entries) verifies, but it is not the one that was anchored.',
    auditAnchorInvalid:
      'Unreadable anchor code: "{{code}}". Expected: number-XXXX-XXXX-XXXX, as printed by parcours audit anchor.',
    auditKeyInvalid:
      'The audit key file {{file}} does not hold a Parcours key (32 bytes in base64). Nothing was changed: give the right file (--audit-key-file); do not replace it.',
    backupDone: 'Encrypted backup written and verified: {{file}} ({{tables}} tables, {{rows}} rows).',
    restoreDone: 'Restore verified in {{dir}} ({{rows}} rows).',
    restoreTargetNotEmpty:
      'Folder {{dir}} is not empty: restore goes into a new folder (or add --replace to replace it after verification).',
    backupInvalid: 'This file is not a valid Parcours backup ({{reason}}). Nothing was written.',
    exportDone: '{{count}} records exported to {{file}}.',
    exportWarning:
      'WARNING: this file will hold every dossier in clear (personal and health data). Keep it on encrypted storage, never send it by e-mail, and delete it as soon as it has served.',
    importDone: 'Import done: {{created}} created, {{updated}} updated, {{unchanged}} unchanged.',
    importFailed: 'Import refused, nothing was written. {{count}} error(s):',
    importLineError: '  line {{line}}, field {{field}}: {{reason}}',
    demoDone: 'Demo centre created in {{dir}}. Accounts (same password for all: {{password}}):',
    recoverDone: 'New temporary password for {{user}}: {{password}} (to change at next login).',
    recoverWrong: 'Wrong recovery code.',
    unknownUser: 'Unknown or inactive account: {{user}}',
    failed: 'Failed: {{message}}',
    folderInUse:
      'This data folder is in use by {{owner}} (process {{pid}}, {{url}}). One application at a time: stop it before running this command, or do it from the application. Nothing was written.',
    owner_serve: 'the clinic server (parcours serve)',
    owner_desktop: 'the desktop app',
    owner_command: 'another parcours command',
    owner_test: 'another Parcours program',
    portInUse:
      'Port {{port}} is already in use (another Parcours or another program). Choose another with --port N, or stop the one using it.',
    isDirectory: '{{path}} is a folder: give a file name. Nothing was written.',
    notDirectory: '{{path}} is not a folder: give the path of a folder. Nothing was written.',
    missingPath: '{{path}} does not exist: create the folder or correct the path. Nothing was written.',
    noPermission: 'Access to {{path}} is denied for this system account. Nothing was written.',
    diskFull: 'The disk is full ({{path}}). Free some space and try again; nothing was kept.',
    alreadyExists: '{{path}} already exists. Nothing was written.',
    mustChangePassword:
      'This account has a temporary password: change it in the app first, then run the command again.',
    fileNotFound: 'File not found: {{file}}. Nothing was written.',
    backupSelfCheckFailed:
      'The backup written failed its own check ({{reason}}) and was removed. Check the free disk space and try again.',
    progressLine: '{{phase}}: {{done}} / {{total}} {{unit}} ({{percent}}%) · {{rate}}/s · {{eta}} left',
    progressLineStarting: '{{phase}}: {{done}} / {{total}} {{unit}} ({{percent}}%)',
    progressSummary: '{{phase}}: {{total}} {{unit}} in {{elapsed}} ({{rate}} {{unit}}/s)',
    progressPhase_validate: 'Checking the file',
    progressPhase_write: 'Writing',
    progressPhase_export: 'Exporting',
    progressPhase_copy: 'Copying',
    progressPhase_check: 'Checking',
    progressPhase_read: 'Reading',
    progressUnit_records: 'records',
    progressUnit_bytes: 'MB',
    progressUnit_pages: 'pages',
    progressUnit_tables: 'tables',
    backupOnServer: 'The clinic server is writing the backup…',
  },
} as const;

export type CliMessageKey = keyof (typeof cliMessages)['fr'];
