// One catalogue version marker (see admin/bump-catalogue-version).
CREATE CONSTRAINT catalogue_version_id_unique IF NOT EXISTS FOR (v:CatalogueVersion) REQUIRE v.id IS UNIQUE
