ALTER TABLE `afgoerelser` ADD `forsendelse` text DEFAULT 'digital-post' NOT NULL;--> statement-breakpoint
ALTER TABLE `klager` ADD `for_sent` integer DEFAULT false NOT NULL;