import type { Catalogue } from '../../messages';

/** Romanian strings of the settings page (options.html): loaded by that page only (lib/i18n/areas.ts). */
export const ro = {
  'options.title': 'Setări Playcard',
  'options.hosts.title': 'CRM pe domeniul propriu',
  'options.hosts.body':
    'Playcard citește HubSpot, Salesforce, Pipedrive, Zoho CRM, Dynamics 365, Gmail și Outlook la adresele lor obișnuite. Dacă echipa ta folosește un CRM la altă adresă (domeniul propriu Dynamics sau Salesforce, SuiteCRM, Odoo, EspoCRM, Twenty...), adaugă adresa: browserul îți cere permisiunea ca Playcard să citească acel site și nimic altceva.',
  'options.hosts.address': 'Adresa CRM-ului',
  'options.hosts.site': 'Ce CRM este',
  'options.hosts.add': 'Adaugă și permite',
  'options.hosts.remove': 'Elimină',
  'options.hosts.added': 'Adăugat. Reîncarcă filele deschise ale acestui CRM.',
  'options.hosts.denied': 'Browserul nu a permis citirea acelui site, așa că nu a fost adăugat.',
  'options.hosts.generic': 'Alt CRM (datele companiei se citesc din pagină)',
  'options.playbook.title': 'Ghidul de vânzări al echipei',
  'options.playbook.active': 'În uz: {version}, {source}, aplicat {when}.',
  'options.playbook.managed': 'Această setare este gestionată de organizația ta.',
  'options.playbook.checked': 'Ultima verificare: {when}.',
  'options.playbook.source.builtin': 'ghidul de vânzări integrat',
  'options.playbook.source.policy': 'ghidul de vânzări al organizației tale de la {origin}',
  'options.playbook.source.url': 'de la {origin}',
  'options.playbook.source.file': 'importat din fișierul {origin}',
  'options.playbook.url': 'Adresa ghidului de vânzări (HTTPS), primită de la șeful de echipă',
  'options.playbook.key': 'Cheie de semnare (opțional): actualizările trebuie atunci semnate cu ea',
  'options.playbook.save': 'Salvează',
  'options.playbook.checkNow': 'Verifică acum',
  'options.playbook.useOwn': 'Folosește ghidul meu în locul celui al echipei',
  'options.playbook.import': 'Importă un fișier cu ghidul de vânzări (cu fișierul .sig, dacă e setată o cheie de semnare)',
  'options.playbook.importNeedsNoUrl': 'Este folosită o adresă a ghidului: șterge-o ca să folosești un fișier importat.',
  'options.playbook.lastChanges':
    'Ultima actualizare, {from} → {to}: {n, plural, one {# modificare} few {# modificări} other {# de modificări}}',
  'options.playbook.history': 'Versiuni',
  'options.playbook.inUse': 'în uz',
  'options.playbook.rollBack': 'Revino la aceasta',
  'options.playbook.saved': 'Salvat.',
  'options.playbook.rolledBack': 'Ai revenit la {version}. Rămâne așa până când echipa publică o versiune mai nouă.',
  'options.playbook.noJson': 'Alege fișierul .json al ghidului de vânzări.',
  // Language settings
  'options.language.title': 'Limbă',
  'options.language.body':
    'Playcard urmează limbile browserului tău. Poți alege altele aici: ecranele și textul ghidului de vânzări al echipei pot fi în limbi diferite.',
  'options.language.ui': 'Ecrane și mesaje',
  'options.language.text': 'Textul ghidului de vânzări (tipuri de clienți, tactici, întrebări)',
  'options.language.browser': 'Ca în browser: {language}',
  // Custom CRM hosts
  'options.hosts.error.empty': 'Introdu adresa CRM-ului tău, de exemplu crm.example.com',
  'options.hosts.error.notAnAddress': '„{input}” nu este o adresă web',
  'options.hosts.error.scheme': 'Pot fi citite doar adrese http și https',
  'options.hosts.error.wildcard': 'Introdu o singură gazdă, fără metacaractere',
  'options.hosts.error.credentials': 'Scoate numele de utilizator și parola din adresă',
  // Playbook studio (studio): the team lead's editor, preview, signing and roll-out page.
  'options.studioLink': 'Ești șef de echipă? Editează, testează, semnează și publică ghidul de vânzări în studio',
} satisfies Catalogue;
