// An insurer's count on a date of its choice finds its contracts whose retention runs out between that date and a stored summary's (impact/people-of-insurer-date-windows).
CREATE RANGE INDEX contract_insurer_end_date IF NOT EXISTS FOR (c:Contract) ON (c.insurerId, c.endDate)
