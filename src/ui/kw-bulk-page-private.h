/* kw-bulk-page-private.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-bulk-page.h"

#include "kw-bulk-journal.h"

G_BEGIN_DECLS

/* Shared by kw-bulk-page.c (the file and the preview), kw-bulk-page-run.c
 * (the run) and kw-bulk-page-files.c (the file choosers and saving the
 * results). */
struct _KwBulkPage
{
  AdwBin             parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkSpinner        *spinner;
  AdwStatusPage     *unreadable_page;
  GtkLabel          *preview_file_label;
  GtkLabel          *summary_label;
  GtkLabel          *problems_label;
  GtkWidget         *resume_box;
  GtkLabel          *resume_label;
  GtkButton         *resume_button;
  GtkLabel          *preview_note_label;
  GtkButton         *start_button;
  GtkListView       *preview_list;
  GtkLabel          *run_file_label;
  GtkLabel          *run_title_label;
  GtkLabel          *run_description_label;
  GtkProgressBar    *progress_bar;
  GtkLabel          *done_label;
  GtkLabel          *failed_label;
  GtkLabel          *remaining_label;
  GtkLabel          *status_label;
  GtkWidget         *throttled_label;
  GtkLabel          *journal_label;
  GtkWidget         *running_box;
  GtkWidget         *pause_button;
  GtkWidget         *unpause_button;
  GtkWidget         *finished_box;
  GtkButton         *retry_button;
  GtkListView       *result_list;

  /* Owned references */
  KwHelpdeskSession *session;
  GSettings         *settings;          /* nullable: the schema is not installed */
  GFile             *file;
  KwBulkCsv         *csv;
  KwBulkJournal     *journal;           /* nullable: it could not be read */
  char              *journal_problem;   /* why not, in words */
  KwBulkReset       *bulk;
  GCancellable      *cancellable;       /* reading the file or its journal */
  GCancellable      *run_cancellable;   /* the run, while there is one */
  GCancellable      *save_cancellable;  /* saving the results */
  GtkNativeDialog   *chooser;

  KwBulkPageState    state;
  gboolean           starting;          /* inside kw_bulk_reset_run_async() */
  guint              throttled_id;      /* hides "Slowed down by the service" */
};

/* In kw-bulk-page.c. */
gboolean   kw_bulk_page_is_disposed        (KwBulkPage      *self);
void       kw_bulk_page_set_state          (KwBulkPage      *self,
                                            KwBulkPageState  state);
void       kw_bulk_page_update_actions     (KwBulkPage      *self);
void       kw_bulk_page_notify_busy        (KwBulkPage      *self);
/* Whether an earlier run of the file on this pool can be resumed. */
gboolean   kw_bulk_page_journal_unfinished (KwBulkPage      *self);
/* The file's name as the person knows it. */
char      *kw_bulk_page_dup_file_name      (GFile           *file);

/* In kw-bulk-page-run.c. */
/* Asks before anything is sent: the whole file, or (@resume) the rows the
 * journal does not have as done; runs on "Reset". */
void       kw_bulk_page_confirm            (KwBulkPage      *self,
                                            gboolean         resume);
void       kw_bulk_page_update_run         (KwBulkPage      *self);
/* The run's model and handlers go, and a run on is cancelled. */
void       kw_bulk_page_drop_bulk          (KwBulkPage      *self);
/* The app's settings, when the schema is installed: the concurrency. */
void       kw_bulk_page_init_settings      (KwBulkPage      *self);
/* The actions bulk.pause, bulk.unpause, bulk.cancel and bulk.retry. */
void       kw_bulk_page_pause_action       (GtkWidget       *widget,
                                            const char      *action_name,
                                            GVariant        *param);
void       kw_bulk_page_cancel_action      (GtkWidget       *widget,
                                            const char      *action_name,
                                            GVariant        *param);
void       kw_bulk_page_retry_action       (GtkWidget       *widget,
                                            const char      *action_name,
                                            GVariant        *param);

/* In kw-bulk-page-files.c: the actions bulk.open and bulk.save. */
void     kw_bulk_page_open_action    (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param);
void     kw_bulk_page_save_action    (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *param);

G_END_DECLS
