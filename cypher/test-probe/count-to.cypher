// Test probe: the whole numbers 1 to $n, one row each. More rows than the driver fetches at once
// (1,000) keep a streamed result, and so its connection, open while its reader waits.
UNWIND range(1, $n) AS i
RETURN i
