-- A delivery run claims its notification before handing it over, so that two runs of the same
-- task at once (a task revived after a missed heartbeat while the first still runs) cannot both
-- send it. The claim expires, so a run killed mid-send does not hold it for ever. Not indexed:
-- the update stays HOT.
ALTER TABLE notifications ADD COLUMN delivery_claimed_until timestamptz;
