// Analysts look organisations up by name in Sandbox and Browser.
CREATE TEXT INDEX organization_name IF NOT EXISTS FOR (o:Organization) ON (o.name)
