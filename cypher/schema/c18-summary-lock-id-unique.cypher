// The one :SummaryLock node that every transaction maintaining the summaries writes first (see admin/lock-summaries); unique, so two first MERGEs can never create two locks.
CREATE CONSTRAINT summary_lock_id_unique IF NOT EXISTS FOR (l:SummaryLock) REQUIRE l.id IS UNIQUE
