/* kw-bulk-list.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kw-bulk-csv.h"
#include "kw-bulk-reset.h"
#include "kw-connection.h"

G_BEGIN_DECLS

/* The rows of the bulk reset page's two lists, and what the page says in
 * words about files, rows and time. The lists are GtkListViews over the
 * core's own models (KwBulkCsv, KwBulkReset), so that only the rows on
 * screen have widgets, however long the file. */

/* A row of the file before anything is sent: the username, the line, and
 * whether it will be reset or why not. */
GtkListItemFactory *kw_bulk_preview_factory_new   (void);
/* A row of a run: the username and how it went, kept up to date while the
 * row is on screen. @connection (nullable) words credential failures. */
GtkListItemFactory *kw_bulk_result_factory_new    (KwConnection   *connection);

/* Why @username is not one Cognito accepts, as a sentence. */
char               *kw_bulk_describe_invalid      (const char     *username);
/* A preview row's status, such as "Duplicate of line 3". */
char               *kw_bulk_describe_csv_row      (KwBulkCsvRow   *row);
/* A run row's status, such as "Failed: …". */
char               *kw_bulk_describe_result_row   (KwBulkResetRow *row,
                                                   KwConnection   *connection);
/* "About 2 minutes left"; %NULL when @seconds is unknown (negative) or
 * nothing is left. */
char               *kw_bulk_format_time_left      (double          seconds);
/* What is wrong with a file kw_bulk_csv_load_async() refused, and what to
 * do about it. */
char               *kw_bulk_describe_file_error   (const GError   *error);

G_END_DECLS
