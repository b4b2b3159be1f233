/* kw-test-connections.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-test-connections.h"

#include "kw-memory-secret-store.h"

#include "kw-test-utils.h"

#include <glib/gstdio.h>

/* One application for the whole program, as GApplication starts up once;
 * each case gives it stores of its own. */
static KwApplication *application;

void
kw_test_connections_init (int    *argc,
                          char ***argv)
{
  application = kw_test_ui_init (argc, argv);
}

KwApplication *
kw_test_connections_application (void)
{
  return application;
}

static void
write_system_connections (void)
{
  const char *dir = g_get_system_config_dirs ()[0];
  g_autofree char *folder = g_build_filename (dir, "keyway", NULL);
  g_autofree char *path = g_build_filename (folder, "connections.ini", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_file_set_contents (path,
                       "[corp]\n"
                       "Name=Corporate Directory\n"
                       "Region=eu-central-1\n"
                       "ClientId=corpclient1\n"
                       "UserPoolId=eu-central-1_Corp123\n"
                       "\n"
                       "[intranet]\n"
                       "Name=Intranet\n"
                       "Region=eu-central-1\n"
                       "ClientId=intranetclient\n"
                       "HasClientSecret=true\n",
                       -1, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (KwConnectionsFixture *fixture,
                gconstpointer         user_data)
{
  g_autoptr(GError) error = NULL;

  /* Written before the store reads the case's system folders. */
  if (GPOINTER_TO_INT (user_data))
    write_system_connections ();

  fixture->application = application;
  fixture->store = kw_connection_store_new (NULL, NULL);
  kw_connection_store_load (fixture->store, &error);
  g_assert_no_error (error);
  fixture->secrets = kw_memory_secret_store_new ();
  kw_application_set_stores (application, fixture->store, fixture->secrets);
}

static gboolean
no_windows_left (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  KwConnectionsFixture *fixture = data;

  return toplevels == NULL && fixture->window == NULL;
}

static void
fixture_tear_down (KwConnectionsFixture *fixture,
                   gconstpointer         user_data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  kw_test_ui_wait_until (no_windows_left, fixture, "every window to go");

  kw_application_stop_demo (fixture->application);
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->secrets);
}

void
kw_test_connections_add (const char            *path,
                         KwConnectionsTestFunc  func,
                         gboolean               with_system)
{
  g_test_add (path, KwConnectionsFixture, GINT_TO_POINTER (with_system),
              fixture_set_up, func, fixture_tear_down);
}

int
kw_test_connections_run (void)
{
  int status = g_test_run ();

  g_clear_object (&application);

  return status;
}

void
kw_test_connections_open_window (KwConnectionsFixture *fixture)
{
  g_action_group_activate_action (G_ACTION_GROUP (fixture->application), "connections", NULL);
  fixture->window = KW_CONNECTIONS_WINDOW (kw_test_ui_find_toplevel (KW_TYPE_CONNECTIONS_WINDOW));
  g_assert_nonnull (fixture->window);
  g_object_add_weak_pointer (G_OBJECT (fixture->window), (gpointer *) &fixture->window);
}

void
kw_test_connections_save (KwConnectionsFixture *fixture,
                          KwConnection         *connection,
                          const char           *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (secret != NULL)
    {
      g_autoptr(GHashTable) attributes = NULL;

      attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                    kw_connection_get_client_id (connection));
      kw_secret_store_store_async (fixture->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                   "label", secret, NULL, kw_test_store_result_cb, &result);
      kw_test_wait_result (&result);
      kw_secret_store_store_finish (fixture->secrets, result, &error);
      g_assert_no_error (error);
      g_clear_object (&result);
    }

  kw_connection_store_add_async (fixture->store, connection, FALSE, NULL,
                                 kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  kw_connection_store_add_finish (fixture->store, result, &error);
  g_assert_no_error (error);
}

KwConnection *
kw_test_connections_new (const char *id,
                         const char *name,
                         gboolean    has_client_secret)
{
  return g_object_new (KW_TYPE_CONNECTION,
                       "id", id,
                       "name", name,
                       "region", "eu-west-1",
                       "client-id", "acmeclient1",
                       "user-pool-id", "eu-west-1_Acme123",
                       "has-client-secret", has_client_secret,
                       NULL);
}

char *
kw_test_connections_lookup_secret (KwConnectionsFixture *fixture,
                                   const char           *region,
                                   const char           *client_id)
{
  g_autoptr(GHashTable) attributes = kw_secret_attributes_for_client (region, client_id);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  kw_secret_store_lookup_async (fixture->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                NULL, kw_test_store_result_cb, &result);
  kw_test_wait_result (&result);
  secret = kw_secret_store_lookup_finish (fixture->secrets, result, &error);
  g_assert_no_error (error);

  return secret;
}

static gboolean
tree_contains (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return kw_test_file_contains (path, needle);

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (tree_contains (child, needle))
        return TRUE;
    }

  return FALSE;
}

gboolean
kw_test_connections_files_contain (const char *needle)
{
  /* The folder that holds the case's HOME and XDG folders. */
  g_autofree char *root = g_path_get_dirname (g_get_user_config_dir ());

  return tree_contains (root, needle);
}

char *
kw_test_connections_home_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);

  return g_build_filename (g_get_home_dir (), name, NULL);
}

gboolean
kw_test_connections_store_has (KwConnectionsFixture *fixture,
                               const char           *id)
{
  return kw_connection_store_lookup (fixture->store, id) != NULL;
}

gboolean
kw_test_connections_store_is_empty (gpointer data)
{
  KwConnectionsFixture *fixture = data;

  return g_list_model_get_n_items (G_LIST_MODEL (fixture->store)) == 0;
}

/* The editor */

KwConnectionEditor *
kw_test_connections_find_editor (void)
{
  return (KwConnectionEditor *) kw_test_ui_find_toplevel (KW_TYPE_CONNECTION_EDITOR);
}

gboolean
kw_test_connections_editor_shown (gpointer unused)
{
  return kw_test_connections_find_editor () != NULL;
}

gboolean
kw_test_connections_editor_gone (gpointer unused)
{
  return kw_test_connections_find_editor () == NULL;
}

KwConnectionEditor *
kw_test_connections_open_editor (KwConnectionsFixture *fixture,
                                 const char           *id)
{
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "connections.open", "s", id);
  else
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "connections.add", NULL);

  kw_test_ui_wait_until (kw_test_connections_editor_shown, NULL, "the editor");

  return kw_test_connections_find_editor ();
}

GtkEditable *
kw_test_connections_row (KwConnectionEditor *editor,
                         KwTestRow           row)
{
  return kw_test_ui_get_entry_row (GTK_WIDGET (editor), row);
}

GtkWidget *
kw_test_connections_save_button (KwConnectionEditor *editor)
{
  GtkWidget *button = kw_test_ui_find_button (GTK_WIDGET (editor), "Save");

  g_assert_nonnull (button);

  return button;
}

void
kw_test_connections_fill_in (KwConnectionEditor *editor,
                             const char         *name,
                             const char         *secret)
{
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_NAME), name);
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_REGION), "eu-west-1");
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_USER_POOL_ID),
                        "eu-west-1_AbC123");
  kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_CLIENT_ID),
                        "1h57kf5cpq17m0eml12example");
  if (secret != NULL)
    kw_test_ui_type_text (kw_test_connections_row (editor, KW_TEST_ROW_SECRET), secret);
}

gboolean
kw_test_connections_shows_invalid (GtkEditable *row)
{
  return gtk_widget_has_css_class (GTK_WIDGET (row), "error") &&
         gtk_test_accessible_has_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
}

/* Dialogs */

KwErrorDialog *
kw_test_connections_find_error (void)
{
  return (KwErrorDialog *) kw_test_ui_find_toplevel (KW_TYPE_ERROR_DIALOG);
}

gboolean
kw_test_connections_error_shown (gpointer unused)
{
  return kw_test_connections_find_error () != NULL;
}

AdwMessageDialog *
kw_test_connections_find_question (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && !KW_IS_ERROR_DIALOG (l->data) &&
          gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

gboolean
kw_test_connections_question_shown (gpointer unused)
{
  return kw_test_connections_find_question () != NULL;
}

gboolean
kw_test_connections_dialog_shown (gpointer unused)
{
  return kw_test_connections_find_question () != NULL || kw_test_connections_find_error () != NULL;
}

/* The list */

AdwActionRow *
kw_test_connections_find_row (gpointer    widget,
                              const char *title)
{
  for (guint i = 0; ; i++)
    {
      GtkWidget *row = kw_test_ui_find_descendant (widget, ADW_TYPE_ACTION_ROW, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        return ADW_ACTION_ROW (row);
    }
}

gboolean
kw_test_connections_row_menu_has (AdwActionRow *row,
                                  const char   *action)
{
  GtkWidget *button = kw_test_ui_find_descendant (GTK_WIDGET (row), GTK_TYPE_MENU_BUTTON, 0);
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  KwConnectionsFixture *fixture;
  const char           *text;
} Toast;

static gboolean
toast_shown (gpointer data)
{
  Toast *toast = data;
  GtkWidget *window = GTK_WIDGET (toast->fixture->window);

  return window != NULL && kw_test_ui_shows_text (window, toast->text);
}

void
kw_test_connections_wait_for_toast (KwConnectionsFixture *fixture,
                                    const char           *text)
{
  Toast toast = { fixture, text };

  kw_test_ui_wait_until (toast_shown, &toast, text);
}
