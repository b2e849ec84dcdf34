/**
 * Where Salesforce Lightning puts things, most trusted first (see ./index.ts
 * for the order of preference), and the API names of the Account fields read.
 */

/**
 * How an element names the Account field it holds, most trusted first: the
 * elements that can carry a name (`carriers`, always ending in the naming
 * attribute's `[attribute]`), and the value that names the field `api`.
 */
export const FIELD_NAMING: ReadonlyArray<{ carriers: string; attribute: string; name: (api: string) => string }> = [
  // Record layout (view, inline edit) and record forms: the item's container.
  { carriers: '[data-target-selection-name]', attribute: 'data-target-selection-name', name: (api) => `sfdc:RecordField.Account.${api}` },
  // Dynamic Forms field instances.
  { carriers: '[data-field-id]', attribute: 'data-field-id', name: (api) => `Record${api}Field` },
  // Edit mode: the control itself carries the API name.
  { carriers: 'input[name]', attribute: 'name', name: (api) => api },
  { carriers: 'textarea[name]', attribute: 'name', name: (api) => api },
];
const FIELD_NAMING_CARRIERS: readonly string[] = FIELD_NAMING.map((naming) => naming.carriers);

export const SELECTORS = {
  /** Console apps: a workspace tab or subtab; its link names the record and `aria-controls` its panel. */
  tab: [
    // Workspace tab and subtab headers (`a.tabHeader` in the console tab bar).
    'a[role="tab"][aria-controls]',
    // Builds that put the role on the list item and the link inside it.
    'li[role="tab"][aria-controls]',
  ],
  /** Containers of one page or tab. Several stay in the DOM; only one is active. */
  page: [
    // Console: one workspace (primary tab) with its subtabs.
    '.oneWorkspace',
    // Console: the panel of a workspace tab or subtab (`section.tabContent.active.oneConsoleTab`).
    '.tabContent',
    // Standard navigation: the page host; earlier pages stay cached, without `active`.
    '.windowViewMode-normal',
    // Console and full-screen record pages.
    '.windowViewMode-maximized',
  ],
  /** Dialogs over the page: a new or edit form is not the record shown. */
  modal: [
    // Record create/edit form in a modal (the new-Account capture).
    'records-modal-lwc-detail-panel-wrapper',
    // SLDS modal, Aura and LWC.
    '.modal-container',
    '[role="dialog"]',
  ],
  /** A persistent container to observe: it stays while records change inside it. */
  observe: [
    // Console: every workspace.
    '.oneWorkspaceCollection',
    // Standard navigation: the stage whose page hosts are swapped.
    '.oneCenterStage',
    // Everything under the global header.
    '.viewport',
    '[role="main"]',
  ],
  /** The record's name in the highlights panel. */
  title: [
    // LWC highlights (`records-highlights2`, older `force-highlights2`): the primary field slot.
    'slot[name="primaryField"] lightning-formatted-text',
    'slot[name="primaryField"]',
    // Page header title without the entity label above it.
    '.slds-page-header__title lightning-formatted-text',
    // Aura highlights (forceHighlightsPanel).
    '.highlightsH1 .uiOutputText',
  ],
  /** The highlights panel, whose secondary fields are found by label. */
  highlights: ['records-highlights2', 'force-highlights2', 'records-lwc-highlights-panel', '.forceHighlightsPanel'],
  highlightItem: [
    // LWC: a `p[title=<label>]` then the value.
    'force-highlights-details-item',
    'records-highlights-details-item',
    // Aura highlights and older builds.
    '.slds-page-header__detail-block',
  ],
  /** A field of the record by API name (one selector per `FIELD_NAMING` entry, in its order). */
  field: (api: string) => FIELD_NAMING.map((naming) => `${naming.carriers.replace(/\]$/, '')}="${naming.name(api)}"]`),
  /** Every element that can name a field, per `FIELD_NAMING` entry: what the reader indexes once per read. */
  fieldCarriers: FIELD_NAMING_CARRIERS,
  /** Labelled items, for the fallback by label. */
  labelled: [
    // LWC record layout: the label in an attribute.
    'records-record-layout-item[field-label]',
    // Aura record layout and Dynamic Forms.
    'force-record-layout-item',
    'record_flexipage-record-field',
  ],
  label: ['.test-id__field-label', '.slds-form-element__label', 'dt', 'label'],
  /** The value inside a field item, most specific first. */
  value: [
    // Edit mode: the control (inline edit, edit forms).
    'input:not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), textarea, select',
    // Picklist in edit mode: the combobox button shows the chosen value.
    'button[data-value]',
    // View mode: base components that render one value.
    'lightning-formatted-text, lightning-formatted-url, lightning-formatted-number, lightning-formatted-name, ' +
      'lightning-formatted-address, lightning-formatted-rich-text, lightning-formatted-phone, lightning-formatted-email',
    // Lookups (owner, parent account).
    'force-lookup, records-hoverable-link, force-hoverable-link, a[data-recordid]',
    // The value cell of a layout item, whatever it holds.
    '.test-id__field-value',
    '.slds-form-element__static',
    'p.fieldComponent',
  ],
  /** A related list by relationship name (in its "View All" and title links). */
  relatedList: (relationship: string) => [`a[href*="/related/${relationship}/view"]`],
  relatedCard: [
    // LWC related list container and its card.
    'lst-related-list-single-container',
    'force-related-list-single-container',
    'article',
  ],
  /** A related record's link: by record id prefix, or by object name in the URL. */
  relatedRecord: (prefix: string, object: string) => [`a[data-recordid^="${prefix}"]`, `a[href*="/lightning/r/${prefix}"]`, `a[href*="/lightning/r/${object}/"]`],
  /** Around a related record: a tile or a table row. */
  relatedRow: ['article.slds-tile', '.slds-tile', 'tr', 'li'],
} as const;

export type Fact = 'name' | 'website' | 'industry' | 'employees' | 'revenue' | 'type' | 'owner' | 'address' | 'country' | 'city' | 'description';

export const API_NAMES: Record<Fact, string[]> = {
  name: ['Name'],
  website: ['Website'],
  industry: ['Industry'],
  employees: ['NumberOfEmployees'],
  revenue: ['AnnualRevenue'],
  type: ['Type'],
  owner: ['OwnerId'],
  address: ['BillingAddress', 'ShippingAddress'],
  country: ['BillingCountry', 'ShippingCountry'],
  city: ['BillingCity', 'ShippingCity'],
  description: ['Description'],
};

/** Classes of text inside a field item that is not its value: assistive text, labels, help, the entity name. */
export const NOT_VALUE_CLASSES = ['slds-assistive-text', 'test-id__field-label', 'slds-form-element__label', 'slds-form-element__help', 'entityNameTitle'];
