// People are de-duplicated by their pseudonymous key across insurers and contracts.
CREATE RANGE INDEX beneficiary_key IF NOT EXISTS FOR (b:Beneficiary) ON (b.key)
