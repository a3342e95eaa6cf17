// The catalogue's current version marker (null when no catalogue write has set one yet).
// @include shared/catalogue-version
RETURN catalogueVersion AS version
