import { loadCatalogue, pageAreas } from '../../lib/i18n';

// Components of every page are rendered here, as English unless a test loads another language:
// every page's English strings, as each page's entry point loads its own.
pageAreas('studio', 'accounts', 'learn', 'options');
await loadCatalogue('en');
