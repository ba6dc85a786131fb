export {
  CatalogueError,
  catalogueFromFiles,
  loadCatalogue,
  type Catalogue,
  type CatalogueFile,
  type LanguageInfo,
} from './catalogue';
export { chooseLanguage, matchAcceptLanguage, type LanguageChoice } from './negotiate';
