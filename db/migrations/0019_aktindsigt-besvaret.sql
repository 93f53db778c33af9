ALTER TABLE `aktindsigter` ADD `besvaret` text;--> statement-breakpoint
ALTER TABLE `aktindsigter` ADD `besvaret_af` text REFERENCES medarbejdere(id);--> statement-breakpoint
ALTER TABLE `aktindsigter` ADD `svar` text;