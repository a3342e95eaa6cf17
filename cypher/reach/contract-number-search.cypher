// An insurer's contract search (one owner: include it, never copy it): the contract's number
// starts with $search, case-insensitively. The page of affected contracts and the count of the
// same search (contract/affected-contracts-search-count) both include it, so a search's
// `totalCount` counts exactly the contracts its pages list.
// In scope: c (a Contract node) and the parameter $search (a string; the page guards null itself).
// An expression: include it after WHERE or AND.
(toLower(c.number) STARTS WITH toLower($search))
