CREATE TABLE `parkerede_formularer` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text,
	`medarbejder_id` text,
	`sti` text NOT NULL,
	`felter` text NOT NULL,
	`oprettet` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `personer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`medarbejder_id`) REFERENCES `medarbejdere`(`id`) ON UPDATE no action ON DELETE no action
);
