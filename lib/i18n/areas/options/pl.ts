import type { Catalogue } from '../../messages';

/** Polish strings of the settings page (options.html): loaded by that page only (lib/i18n/areas.ts). */
export const pl = {
  'options.title': 'Ustawienia Playcard',
  'options.hosts.title': 'CRM we własnej domenie',
  'options.hosts.body':
    'Playcard czyta HubSpot, Salesforce, Pipedrive, Zoho CRM, Dynamics 365, Gmail i Outlook pod ich zwykłymi adresami. Jeśli twój zespół używa CRM pod innym adresem (własna domena Dynamics lub Salesforce, SuiteCRM, Odoo, EspoCRM, Twenty...), dodaj go: przeglądarka poprosi o zgodę na odczyt tej witryny i niczego więcej.',
  'options.hosts.address': 'Adres CRM',
  'options.hosts.site': 'Jaki to CRM',
  'options.hosts.add': 'Dodaj i zezwól',
  'options.hosts.remove': 'Usuń',
  'options.hosts.added': 'Dodano. Odśwież otwarte karty tego CRM.',
  'options.hosts.denied': 'Przeglądarka nie zezwoliła na odczyt tej witryny, więc nie została dodana.',
  'options.hosts.generic': 'Inny CRM (dane firmy odczytywane ze strony)',
  'options.playbook.title': 'Playbook sprzedażowy zespołu',
  'options.playbook.active': 'W użyciu: {version}, {source}, zastosowany {when}.',
  'options.playbook.managed': 'Tym ustawieniem zarządza twoja organizacja.',
  'options.playbook.checked': 'Ostatnio sprawdzono {when}.',
  'options.playbook.source.builtin': 'wbudowany playbook',
  'options.playbook.source.policy': 'playbook twojej organizacji z {origin}',
  'options.playbook.source.url': 'z {origin}',
  'options.playbook.source.file': 'zaimportowany z pliku {origin}',
  'options.playbook.url': 'Adres playbooka (HTTPS) od lidera zespołu',
  'options.playbook.key': 'Klucz podpisu (opcjonalnie): aktualizacje muszą być wtedy nim podpisane',
  'options.playbook.save': 'Zapisz',
  'options.playbook.checkNow': 'Sprawdź teraz',
  'options.playbook.useOwn': 'Używaj mojego playbooka zamiast playbooka zespołu',
  'options.playbook.import': 'Importuj plik playbooka (z plikiem .sig, jeśli ustawiono klucz podpisu)',
  'options.playbook.importNeedsNoUrl': 'Używany jest adres playbooka: wyczyść go, aby użyć zaimportowanego pliku.',
  'options.playbook.lastChanges':
    'Ostatnia aktualizacja, {from} → {to}: {n, plural, one {# zmiana} few {# zmiany} many {# zmian} other {# zmiany}}',
  'options.playbook.history': 'Wersje',
  'options.playbook.inUse': 'w użyciu',
  'options.playbook.rollBack': 'Przywróć tę wersję',
  'options.playbook.saved': 'Zapisano.',
  'options.playbook.rolledBack': 'Przywrócono {version}. Zostanie, dopóki zespół nie opublikuje nowszej wersji.',
  'options.playbook.noJson': 'Wybierz plik playbooka .json.',
  // Language settings
  'options.language.title': 'Język',
  'options.language.body':
    'Playcard używa języków twojej przeglądarki. Możesz wybrać inne: ekrany i treść playbooka zespołu mogą być w różnych językach.',
  'options.language.ui': 'Ekrany i komunikaty',
  'options.language.text': 'Treść playbooka (typy klientów, taktyki, pytania)',
  'options.language.browser': 'Jak w przeglądarce: {language}',
  // Custom CRM hosts
  'options.hosts.error.empty': 'Wpisz adres swojego CRM, np. crm.example.com',
  'options.hosts.error.notAnAddress': '„{input}” nie jest adresem internetowym',
  'options.hosts.error.scheme': 'Można czytać tylko adresy http i https',
  'options.hosts.error.wildcard': 'Wpisz jeden host, bez symboli wieloznacznych',
  'options.hosts.error.credentials': 'Usuń z adresu nazwę użytkownika i hasło',
  // Playbook studio (studio): the team lead's editor, preview, signing and roll-out page.
  'options.studioLink': 'Jesteś liderem zespołu? Edytuj, testuj, podpisuj i publikuj playbook w studiu playbooka',
} satisfies Catalogue;
