/* kw-test-utils.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void     kw_test_init          (int          *argc,
                                char       ***argv);
char    *kw_test_shared_path   (const char   *first_element,
                                ...) G_GNUC_NULL_TERMINATED;
void     kw_test_wait_for      (gboolean     *flag);
void     kw_test_wait_result   (GAsyncResult **result);
void     kw_test_store_result_cb (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data);
gboolean kw_test_file_contains (const char   *path,
                                const char   *needle);

G_END_DECLS
