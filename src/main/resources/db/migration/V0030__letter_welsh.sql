-- Bilingual letters (notify-letters.md §2.1): letter_languages is 'welsh_then_english' for a
-- letter printed in Welsh and then in English, with its Welsh subject and content; null otherwise
-- (English). Nullable without a default, so adding them rewrites neither table.
ALTER TABLE templates ADD COLUMN letter_languages text;
ALTER TABLE templates ADD COLUMN letter_welsh_subject text;
ALTER TABLE templates ADD COLUMN letter_welsh_content text;
ALTER TABLE templates_history ADD COLUMN letter_languages text;
ALTER TABLE templates_history ADD COLUMN letter_welsh_subject text;
ALTER TABLE templates_history ADD COLUMN letter_welsh_content text;
