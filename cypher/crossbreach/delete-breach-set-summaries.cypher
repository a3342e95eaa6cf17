// Drops every stored cross-breach summary before a refresh writes the new ones in the same
// transaction, so an insurer no longer reached (or a breach that is gone) leaves nothing behind.
MATCH (x:BreachSetSummary)
DELETE x
