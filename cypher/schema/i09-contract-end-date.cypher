// The summary refresh finds the contracts whose retention runs out between two documented dates of a breach (impact/people-of-date-windows).
CREATE RANGE INDEX contract_end_date IF NOT EXISTS FOR (c:Contract) ON (c.endDate)
