-- An upload whose file the nightly removal has deleted (notify-jobs.md §5.8) is archived, as its
-- job is: the rows stay as history. A constant default: no rewrite of the table.
ALTER TABLE uploads ADD COLUMN archived boolean NOT NULL DEFAULT false;
