/* kw-bulk-page.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kw-bulk-csv.h"
#include "kw-bulk-reset.h"
#include "kw-helpdesk-session.h"

G_BEGIN_DECLS

/* Where the page is. */
typedef enum
{
  KW_BULK_PAGE_EMPTY,       /* no file yet */
  KW_BULK_PAGE_LOADING,     /* reading the file and its resume journal */
  KW_BULK_PAGE_UNREADABLE,  /* the file is not a list of usernames; the page says why */
  KW_BULK_PAGE_PREVIEW,     /* every row and what will happen to it; nothing sent yet */
  KW_BULK_PAGE_RUNNING,     /* sending (or paused) */
  KW_BULK_PAGE_FINISHED,    /* the run ended, every row or cancelled */
} KwBulkPageState;

#define KW_TYPE_BULK_PAGE (kw_bulk_page_get_type ())

G_DECLARE_FINAL_TYPE (KwBulkPage, kw_bulk_page, KW, BULK_PAGE, AdwBin)

/* The helpdesk's "Bulk Reset" page: a CSV file of usernames, previewed row
 * by row (invalid usernames, duplicates and empty rows flagged, and how
 * many users will be reset) before anything is sent; then, after a
 * confirmation, a KwBulkReset run with its progress, time left, pause and
 * cancel, and a list of every user's outcome; the results saved as CSV and
 * failed rows retried. A run's resume journal is kept, so that opening the
 * same file on the same pool again offers to resume.
 *
 * How many resets go at once comes from the app's GSettings key
 * `bulk-concurrency`, when its schema is installed.
 *
 * Properties: session (KwHelpdeskSession: the window sets it; %NULL when
 * signed out, which cancels a run), busy (read-only: loading, running or
 * saving). */

GtkWidget         *kw_bulk_page_new          (void);
KwHelpdeskSession *kw_bulk_page_get_session  (KwBulkPage        *self);
void               kw_bulk_page_set_session  (KwBulkPage        *self,
                                              KwHelpdeskSession *session);
gboolean           kw_bulk_page_get_busy     (KwBulkPage        *self);
KwBulkPageState    kw_bulk_page_get_state    (KwBulkPage        *self);

/* Reads @file, as choosing it after "Open CSV File…" does. */
void               kw_bulk_page_open_file    (KwBulkPage        *self,
                                              GFile             *file);
/* Writes the results to @file, as choosing it after "Save Results…" does;
 * a toast says where, a dialog why not. */
void               kw_bulk_page_save_results (KwBulkPage        *self,
                                              GFile             *file);

/* The file as read (nullable), and the run (nullable: none started since
 * the file was opened). */
KwBulkCsv         *kw_bulk_page_get_csv      (KwBulkPage        *self);
KwBulkReset       *kw_bulk_page_get_bulk_reset (KwBulkPage      *self);

G_END_DECLS
