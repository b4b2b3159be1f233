/* kw-test-connections.h
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kw-connection-editor.h"
#include "kw-connections-window.h"
#include "kw-error-dialog.h"

#include "kw-test-ui.h"

G_BEGIN_DECLS

/* What the tests of the connections window and the connection editor
 * share: for each case, connections in its own isolated folders (with a
 * system connections.ini when asked for) and a secret store in memory that
 * the case can look into and make fail; and the steps a person takes. */

#define KW_TEST_SECRET       "1a2b3c4d5e6f7g8h9i0jSup3rSecretClientValue0123456789"
#define KW_TEST_OTHER_SECRET "An0therSecretClientValue0123456789abcdefghijklmnopq"

/* The entry rows of the editor, in order. */
typedef enum
{
  KW_TEST_ROW_NAME,
  KW_TEST_ROW_REGION,
  KW_TEST_ROW_USER_POOL_ID,
  KW_TEST_ROW_CLIENT_ID,
  KW_TEST_ROW_SECRET,
  KW_TEST_ROW_ENDPOINT_URL,
} KwTestRow;

typedef struct
{
  KwApplication       *application;
  KwConnectionStore   *store;
  KwSecretStore       *secrets;      /* a KwMemorySecretStore */
  KwConnectionsWindow *window;       /* once opened; NULL once finalized */
} KwConnectionsFixture;

typedef void (*KwConnectionsTestFunc) (KwConnectionsFixture *fixture,
                                       gconstpointer         user_data);

/* Initialises the UI tests; then add cases and run them. With
 * @with_system, the case's system folder has the system connections
 * "corp" (Corporate Directory) and "intranet" (whose client has a
 * secret). */
void                kw_test_connections_init          (int                  *argc,
                                                       char               ***argv);
void                kw_test_connections_add           (const char           *path,
                                                       KwConnectionsTestFunc func,
                                                       gboolean              with_system);
int                 kw_test_connections_run           (void);
KwApplication      *kw_test_connections_application   (void);

void                kw_test_connections_open_window   (KwConnectionsFixture *fixture);
/* Stores @secret (nullable) for the connection's client, then saves it. */
void                kw_test_connections_save          (KwConnectionsFixture *fixture,
                                                       KwConnection         *connection,
                                                       const char           *secret);
/* A user connection in eu-west-1, client "acmeclient1". */
KwConnection       *kw_test_connections_new           (const char           *id,
                                                       const char           *name,
                                                       gboolean              has_client_secret);
/* What the secret store holds for the client, or %NULL. */
char               *kw_test_connections_lookup_secret (KwConnectionsFixture *fixture,
                                                       const char           *region,
                                                       const char           *client_id);
/* Whether any file of the case (its HOME and XDG folders) holds @needle. */
gboolean            kw_test_connections_files_contain (const char           *needle);
/* A file in the case's home folder, which is made on first use. */
char               *kw_test_connections_home_path     (const char           *name);
gboolean            kw_test_connections_store_has     (KwConnectionsFixture *fixture,
                                                       const char           *id);
gboolean            kw_test_connections_store_is_empty (gpointer             fixture);

/* The editor */
KwConnectionEditor *kw_test_connections_find_editor   (void);
gboolean            kw_test_connections_editor_shown  (gpointer              unused);
gboolean            kw_test_connections_editor_gone   (gpointer              unused);
/* Opens the editor on the connection @id, or to add one when %NULL. */
KwConnectionEditor *kw_test_connections_open_editor   (KwConnectionsFixture *fixture,
                                                       const char           *id);
GtkEditable        *kw_test_connections_row           (KwConnectionEditor   *editor,
                                                       KwTestRow             row);
GtkWidget          *kw_test_connections_save_button   (KwConnectionEditor   *editor);
/* Name, region, pool, client id and (nullable) secret, as typed. */
void                kw_test_connections_fill_in       (KwConnectionEditor   *editor,
                                                       const char           *name,
                                                       const char           *secret);
/* Marked as invalid: the error style, and the accessible state. */
gboolean            kw_test_connections_shows_invalid (GtkEditable          *row);

/* Dialogs: errors, and questions (any other AdwMessageDialog). */
KwErrorDialog      *kw_test_connections_find_error    (void);
gboolean            kw_test_connections_error_shown   (gpointer              unused);
AdwMessageDialog   *kw_test_connections_find_question (void);
gboolean            kw_test_connections_question_shown (gpointer             unused);
gboolean            kw_test_connections_dialog_shown  (gpointer              unused);

/* The list */
/* The row under @widget that shows @title, or %NULL. */
AdwActionRow       *kw_test_connections_find_row      (gpointer              widget,
                                                       const char           *title);
/* Whether the row's menu offers @action. */
gboolean            kw_test_connections_row_menu_has  (AdwActionRow         *row,
                                                       const char           *action);
void                kw_test_connections_wait_for_toast (KwConnectionsFixture *fixture,
                                                        const char           *text);

G_END_DECLS
