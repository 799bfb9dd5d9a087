// Every cron job, one file each (see README.md). The weekly digest and the laggard reminders
// arrive with their own issue; the runner and this list are where they will be registered.
export const schedules: readonly never[] = [];
