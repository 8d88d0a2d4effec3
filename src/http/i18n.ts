// UI strings per language; pages pick the strings of the language they show.

const en = {
  skip: 'Skip to content',
  home: 'Home',
  search: 'Search',
  searchLabel: 'Search articles',
  searchPlaceholder: 'Search articles…',
  searchSubmit: 'Search',
  categories: 'Categories',
  latest: 'Latest articles',
  featuredCourses: 'Featured courses',
  allCourses: 'All courses',
  courses: 'Courses',
  readMore: 'Read more',
  minRead: (n: number) => `${n} min read`,
  by: 'By',
  published: 'Published',
  updated: 'Updated',
  inCategory: 'in',
  tags: 'Tags',
  contents: 'On this page',
  related: 'Related articles',
  linkedFrom: 'Linked from',
  previous: 'Previous article',
  next: 'Next article',
  newer: 'Newer',
  older: 'Older',
  page: (n: number, of: number) => `Page ${n} of ${of}`,
  pagination: 'Pagination',
  breadcrumbs: 'Breadcrumb',
  aboutAuthor: 'About the author',
  articlesBy: (name: string) => `Articles by ${name}`,
  articlesIn: (name: string) => `Articles in ${name}`,
  articlesTagged: (name: string) => `Articles tagged “${name}”`,
  articleCount: (n: number) => (n === 1 ? '1 article' : `${n} articles`),
  allTags: 'All tags',
  tagCount: (n: number) => (n === 1 ? '1 tag' : `${n} tags`),
  tagIndexDescription: (n: number) =>
    n === 0
      ? 'No article has a tag yet.'
      : `Every tag used by our articles, with how many use it: ${n === 1 ? '1 tag' : `${n} tags`}.`,
  noTags: 'No article has a tag yet.',
  resultsFor: (q: string, n: number, more = false) =>
    more
      ? `More than ${n.toLocaleString('en-GB')} results for “${q}”`
      : `${n === 1 ? '1 result' : `${n} results`} for “${q}”`,
  manyResults: (n: number) =>
    `So many articles match that only ${n.toLocaleString('en-GB')} are listed. Add a word to narrow the search.`,
  noResults: (q: string) => `No articles match “${q}”.`,
  noResultsHint: 'Try fewer or different words, or browse a category:',
  anyWordResults: 'No article contains all of these words; these contain some of them:',
  searchIntro: 'Type a few words to search every article.',
  notFoundTitle: 'Page not found',
  notFoundText:
    'We could not find that page. It may have moved, or the address may be mistyped. Try a search or pick a category.',
  goneTitle: 'This article has been removed',
  goneText: 'The article that used to live here is no longer published. Try a search or pick a category.',
  errorTitle: 'Something went wrong',
  errorText: 'Sorry, this page could not be shown. Please try again in a moment.',
  badRequestTitle: 'That request could not be understood',
  language: 'Language',
  readIn: 'Read in',
  feed: 'RSS feed',
  footerText: 'Practical guides for new careers in data and software.',
  mainNav: 'Main',
  footerNav: 'Footer',
  exploreCourse: 'See the course',
  menu: 'Menu',
};

export type Strings = typeof en;

const fr: Strings = {
  ...en,
  skip: 'Aller au contenu',
  home: 'Accueil',
  search: 'Recherche',
  searchLabel: 'Rechercher des articles',
  searchPlaceholder: 'Rechercher…',
  searchSubmit: 'Rechercher',
  categories: 'Catégories',
  latest: 'Derniers articles',
  featuredCourses: 'Formations à la une',
  allCourses: 'Toutes les formations',
  courses: 'Formations',
  readMore: 'Lire la suite',
  minRead: (n) => `${n} min de lecture`,
  by: 'Par',
  published: 'Publié le',
  updated: 'Mis à jour le',
  inCategory: 'dans',
  tags: 'Mots-clés',
  contents: 'Sur cette page',
  related: 'Articles liés',
  linkedFrom: 'Cité par',
  previous: 'Article précédent',
  next: 'Article suivant',
  newer: 'Plus récents',
  older: 'Plus anciens',
  page: (n, of) => `Page ${n} sur ${of}`,
  pagination: 'Pagination',
  breadcrumbs: "Fil d'Ariane",
  aboutAuthor: "À propos de l'auteur",
  articlesBy: (name) => `Articles de ${name}`,
  articlesIn: (name) => `Articles : ${name}`,
  articlesTagged: (name) => `Articles avec le mot-clé « ${name} »`,
  articleCount: (n) => (n === 1 ? '1 article' : `${n} articles`),
  allTags: 'Tous les mots-clés',
  tagCount: (n) => (n === 1 ? '1 mot-clé' : `${n} mots-clés`),
  tagIndexDescription: (n) =>
    n === 0
      ? "Aucun article n'a encore de mot-clé."
      : `Tous les mots-clés de nos articles, avec le nombre d'articles de chacun : ${n === 1 ? '1 mot-clé' : `${n} mots-clés`}.`,
  noTags: "Aucun article n'a encore de mot-clé.",
  resultsFor: (q, n, more = false) =>
    more
      ? `Plus de ${n.toLocaleString('fr-FR')} résultats pour « ${q} »`
      : `${n === 1 ? '1 résultat' : `${n} résultats`} pour « ${q} »`,
  manyResults: (n) =>
    `Tant d’articles correspondent que seuls ${n.toLocaleString('fr-FR')} sont listés. Ajoutez un mot pour affiner la recherche.`,
  noResults: (q) => `Aucun article ne correspond à « ${q} ».`,
  noResultsHint: "Essayez d'autres mots, ou parcourez une catégorie :",
  anyWordResults: 'Aucun article ne contient tous ces mots ; ceux-ci en contiennent une partie :',
  searchIntro: 'Saisissez quelques mots pour chercher dans tous les articles.',
  notFoundTitle: 'Page introuvable',
  notFoundText:
    "Cette page est introuvable. Elle a peut-être été déplacée, ou l'adresse contient une faute. Essayez une recherche ou choisissez une catégorie.",
  goneTitle: 'Cet article a été retiré',
  goneText:
    "L'article qui se trouvait ici n'est plus publié. Essayez une recherche ou choisissez une catégorie.",
  errorTitle: 'Une erreur est survenue',
  errorText: "Désolé, cette page n'a pas pu être affichée. Réessayez dans un instant.",
  badRequestTitle: "Cette requête n'a pas pu être comprise",
  language: 'Langue',
  readIn: 'Lire en',
  feed: 'Flux RSS',
  footerText: 'Des guides pratiques pour se reconvertir dans la data et le logiciel.',
  mainNav: 'Principal',
  footerNav: 'Pied de page',
  exploreCourse: 'Voir la formation',
  menu: 'Menu',
};

const ALL: Record<string, Strings> = { en, fr };

export function stringsFor(lang: string): Strings {
  return ALL[lang] ?? en;
}
