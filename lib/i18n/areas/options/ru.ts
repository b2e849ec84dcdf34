import type { Catalogue } from '../../messages';

/** Russian strings of the settings page (options.html): loaded by that page only (lib/i18n/areas.ts). */
export const ru = {
  'options.title': 'Настройки Playcard',
  'options.hosts.title': 'CRM на вашем домене',
  'options.hosts.body':
    'Playcard читает HubSpot, Salesforce, Pipedrive, Zoho CRM, Dynamics 365, Gmail и Outlook по их обычным адресам. Если ваша команда работает в CRM по другому адресу (свой домен Dynamics или Salesforce, SuiteCRM, Odoo, EspoCRM, Twenty...), добавьте его: браузер попросит разрешить Playcard читать этот сайт, и только его.',
  'options.hosts.address': 'Адрес CRM',
  'options.hosts.site': 'Какая это CRM',
  'options.hosts.add': 'Добавить и разрешить',
  'options.hosts.remove': 'Удалить',
  'options.hosts.added': 'Добавлено. Перезагрузите открытые вкладки этой CRM.',
  'options.hosts.denied': 'Браузер не разрешил читать этот сайт, поэтому он не добавлен.',
  'options.hosts.generic': 'Другая CRM (данные компании со страницы)',
  'options.playbook.title': 'Книга продаж команды',
  'options.playbook.active': 'Используется: {version}, {source}, применена {when}.',
  'options.playbook.managed': 'Этой настройкой управляет ваша организация.',
  'options.playbook.checked': 'Последняя проверка: {when}.',
  'options.playbook.source.builtin': 'встроенная книга продаж',
  'options.playbook.source.policy': 'книга продаж вашей организации с {origin}',
  'options.playbook.source.url': 'с {origin}',
  'options.playbook.source.file': 'импортирована из файла {origin}',
  'options.playbook.url': 'Адрес книги продаж (HTTPS) от руководителя команды',
  'options.playbook.key': 'Ключ подписи (необязательно): тогда обновления должны быть подписаны им',
  'options.playbook.save': 'Сохранить',
  'options.playbook.checkNow': 'Проверить сейчас',
  'options.playbook.useOwn': 'Использовать свою книгу продаж вместо командной',
  'options.playbook.import': 'Импортировать файл книги продаж (с файлом .sig, если задан ключ подписи)',
  'options.playbook.importNeedsNoUrl': 'Задан адрес книги продаж: очистите его, чтобы использовать импортированный файл.',
  'options.playbook.lastChanges':
    'Последнее обновление, {from} → {to}: {n, plural, one {# изменение} few {# изменения} many {# изменений} other {# изменения}}',
  'options.playbook.history': 'Версии',
  'options.playbook.inUse': 'используется',
  'options.playbook.rollBack': 'Откатить к этой версии',
  'options.playbook.saved': 'Сохранено.',
  'options.playbook.rolledBack': 'Выполнен откат к {version}. Версия останется, пока команда не опубликует более новую.',
  'options.playbook.noJson': 'Выберите файл книги продаж в формате .json.',
  // Language settings
  'options.language.title': 'Язык',
  'options.language.body':
    'Playcard следует языкам вашего браузера. Здесь можно выбрать другие: интерфейс и текст книги продаж команды могут быть на разных языках.',
  'options.language.ui': 'Интерфейс и сообщения',
  'options.language.text': 'Текст книги продаж (типы клиентов, тактики, вопросы)',
  'options.language.browser': 'Как в браузере: {language}',
  // Custom CRM hosts
  'options.hosts.error.empty': 'Введите адрес вашей CRM, например crm.example.com',
  'options.hosts.error.notAnAddress': '«{input}» не является веб-адресом',
  'options.hosts.error.scheme': 'Читать можно только адреса http и https',
  'options.hosts.error.wildcard': 'Введите один хост, без подстановочных знаков',
  'options.hosts.error.credentials': 'Уберите из адреса имя пользователя и пароль',
  // Playbook studio (studio): the team lead's editor, preview, signing and roll-out page.
  'options.studioLink': 'Руководитель команды? Редактируйте, проверяйте, подписывайте и публикуйте книгу продаж в редакторе',
} satisfies Catalogue;
