import type { Catalogue } from '../../messages';

/** Italian strings of the settings page (options.html): loaded by that page only (lib/i18n/areas.ts). */
export const it = {
  'options.title': 'Impostazioni di Playcard',
  'options.hosts.title': 'CRM sul tuo dominio',
  'options.hosts.body':
    'Playcard legge HubSpot, Salesforce, Pipedrive, Zoho CRM, Dynamics 365, Gmail e Outlook ai loro indirizzi abituali. Se il tuo team usa un CRM altrove (un tuo dominio Dynamics o Salesforce, SuiteCRM, Odoo, EspoCRM, Twenty...), aggiungi il suo indirizzo: il browser ti chiede di consentire a Playcard di leggere quel sito, e nient’altro.',
  'options.hosts.address': 'Indirizzo del CRM',
  'options.hosts.site': 'Quale CRM è',
  'options.hosts.add': 'Aggiungi e consenti',
  'options.hosts.remove': 'Rimuovi',
  'options.hosts.added': 'Aggiunto. Ricarica le schede di questo CRM che hai aperte.',
  'options.hosts.denied': 'Il browser non ha consentito la lettura di quel sito, quindi non è stato aggiunto.',
  'options.hosts.generic': 'Un altro CRM (dati dell’azienda letti dalla pagina)',
  'options.playbook.title': 'Manuale di vendita del team',
  'options.playbook.active': 'In uso: {version}, {source}, applicato {when}.',
  'options.playbook.managed': 'Questa impostazione è gestita dalla tua organizzazione.',
  'options.playbook.checked': 'Ultimo controllo {when}.',
  'options.playbook.source.builtin': 'il manuale di vendita integrato',
  'options.playbook.source.policy': 'il manuale di vendita della tua organizzazione da {origin}',
  'options.playbook.source.url': 'da {origin}',
  'options.playbook.source.file': 'importato dal file {origin}',
  'options.playbook.url': 'Indirizzo del manuale di vendita (HTTPS), fornito dal tuo team leader',
  'options.playbook.key': 'Chiave di firma (facoltativa): gli aggiornamenti dovranno essere firmati con essa',
  'options.playbook.save': 'Salva',
  'options.playbook.checkNow': 'Controlla ora',
  'options.playbook.useOwn': 'Usa il mio manuale di vendita al posto di quello del team',
  'options.playbook.import': 'Importa un file del manuale di vendita (con il suo file .sig se è impostata una chiave di firma)',
  'options.playbook.importNeedsNoUrl': 'È in uso un indirizzo del manuale: cancellalo per usare un file importato.',
  'options.playbook.lastChanges': 'Ultimo aggiornamento, {from} → {to}: {n, plural, one {# modifica} other {# modifiche}}',
  'options.playbook.history': 'Versioni',
  'options.playbook.inUse': 'in uso',
  'options.playbook.rollBack': 'Torna a questa versione',
  'options.playbook.saved': 'Salvato.',
  'options.playbook.rolledBack': 'Tornato a {version}. Resta in uso finché il team non pubblica una versione più recente.',
  'options.playbook.noJson': 'Scegli il file .json del manuale di vendita.',
  // Language settings
  'options.language.title': 'Lingua',
  'options.language.body':
    'Playcard segue le lingue del tuo browser. Qui puoi sceglierne altre: le schermate e i testi del manuale di vendita del team possono essere in lingue diverse.',
  'options.language.ui': 'Schermate e messaggi',
  'options.language.text': 'Testi del manuale di vendita (tipi di cliente, tattiche, domande)',
  'options.language.browser': 'Come il browser: {language}',
  // Custom CRM hosts
  'options.hosts.error.empty': 'Inserisci l’indirizzo del tuo CRM, ad es. crm.example.com',
  'options.hosts.error.notAnAddress': '«{input}» non è un indirizzo web',
  'options.hosts.error.scheme': 'Si possono leggere solo indirizzi http e https',
  'options.hosts.error.wildcard': 'Inserisci un solo host, senza caratteri jolly',
  'options.hosts.error.credentials': 'Togli nome utente e password dall’indirizzo',
  // Playbook studio (studio): the team lead's editor, preview, signing and roll-out page.
  'options.studioLink': 'Sei un team leader? Modifica, prova, firma e pubblica il manuale di vendita nello studio',
} satisfies Catalogue;
