// The summary refresh finds the contracts started between a breach's reference date and another of its documented dates (impact/people-of-date-windows).
CREATE RANGE INDEX contract_start_date IF NOT EXISTS FOR (c:Contract) ON (c.startDate)
