/* kw-application.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-application.h"

#include "kw-connection-editor.h"
#include "kw-connections-window.h"
#include "kw-helpdesk-window.h"
#include "kw-libsecret-store.h"
#include "kw-memory-secret-store.h"
#include "kw-window.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#define RESOURCE_BASE_PATH "/io/github/keyway/Keyway"

struct _KwApplication
{
  AdwApplication     parent_instance;

  KwConnectionStore *connections;
  KwSecretStore     *secrets;
  KwDemo            *demo;
  GError            *load_error;    /* the connections file, shown once a window is up */
  GtkWindow         *connections_window;   /* weak: one at a time */
  GSettings         *settings;      /* nullable: no schema installed */
};

G_DEFINE_FINAL_TYPE (KwApplication, kw_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DEMO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Try Keyway with made-up accounts on a built-in server, without network"), NULL },
  { "helpdesk", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the helpdesk: find users and reset their passwords with your AWS credentials"),
    NULL },
  { "connection", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Start with the connection NAME (its id or its name)"), N_("NAME") },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, NULL },
  { NULL }
};

/* The main window: the connections window and dialogs are the
 * application's windows too, and may be the active one. */
static KwWindow *
kw_application_get_main_window (KwApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (KW_IS_WINDOW (l->data))
        return KW_WINDOW (l->data);
    }

  return NULL;
}

static KwWindow *
kw_application_present_window (KwApplication *self)
{
  GtkWindow *window = GTK_WINDOW (kw_application_get_main_window (self));

  if (window == NULL)
    window = GTK_WINDOW (kw_window_new (self));

  gtk_window_present (window);

  /* A broken connections file is said once, over the window. */
  if (self->load_error != NULL)
    {
      kw_window_report_error (KW_WINDOW (window), self->load_error);
      g_clear_error (&self->load_error);
    }

  return KW_WINDOW (window);
}

static void
kw_application_quit_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  KwApplication *self = KW_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Destroying the windows cancels what they have in flight. */
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;

      windows = windows->next;
      gtk_window_destroy (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
kw_application_about_action (GSimpleAction *action,
                             GVariant      *param,
                             gpointer       user_data)
{
  KwApplication *self = KW_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkIconTheme *icon_theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  const char *icon_name = APP_ID;
  GtkWidget *about;

  /* Run from the build tree, the app's own icon is not installed yet. */
  if (!gtk_icon_theme_has_icon (icon_theme, icon_name))
    icon_name = "channel-secure-symbolic";

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-name", _("Keyway"),
                        "application-icon", icon_name,
                        "developer-name", "The Keyway authors",
                        "version", PACKAGE_VERSION,
                        "comments", _("Reset the forgotten password of an account kept in an "
                                      "Amazon Cognito user pool."),
                        "copyright", "© 2026 The Keyway authors",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/keyway/keyway",
                        "issue-url", "https://github.com/keyway/keyway/issues",
                        /* Translators: your names, one per line, as you would like them
                         * credited. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
kw_application_demo_action (GSimpleAction *action,
                            GVariant      *param,
                            gpointer       user_data)
{
  KwApplication *self = KW_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;
  KwWindow *window = kw_application_present_window (self);

  if (!kw_application_start_demo (self, &error))
    kw_window_report_error (window, error);
}

static KwHelpdeskWindow *
kw_application_present_helpdesk (KwApplication *self)
{
  KwHelpdeskWindow *window = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (KW_IS_HELPDESK_WINDOW (l->data))
        {
          window = KW_HELPDESK_WINDOW (l->data);
          break;
        }
    }

  if (window == NULL)
    window = kw_helpdesk_window_new (self);

  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
kw_application_helpdesk_action (GSimpleAction *action,
                                GVariant      *param,
                                gpointer       user_data)
{
  kw_application_present_helpdesk (KW_APPLICATION (user_data));
}

static void
kw_application_connections_action (GSimpleAction *action,
                                   GVariant      *param,
                                   gpointer       user_data)
{
  KwApplication *self = KW_APPLICATION (user_data);

  if (self->connections_window == NULL)
    {
      self->connections_window = GTK_WINDOW (kw_connections_window_new (self));
      g_object_add_weak_pointer (G_OBJECT (self->connections_window),
                                 (gpointer *) &self->connections_window);
      gtk_window_set_transient_for (self->connections_window,
                                    GTK_WINDOW (kw_application_get_main_window (self)));
    }

  gtk_window_present (self->connections_window);
}

/* The welcome page's way in: the editor alone, over the main window, which
 * goes on to the wizard once the connection is saved. */
static void
kw_application_add_connection_action (GSimpleAction *action,
                                      GVariant      *param,
                                      gpointer       user_data)
{
  KwApplication *self = KW_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  KwConnectionEditor *editor;

  editor = kw_connection_editor_new (parent, self->connections, self->secrets, NULL);
  gtk_window_present (GTK_WINDOW (editor));
}

static const GActionEntry app_actions[] = {
  { "quit", kw_application_quit_action },
  { "about", kw_application_about_action },
  { "demo", kw_application_demo_action },
  { "connections", kw_application_connections_action },
  { "helpdesk", kw_application_helpdesk_action },
  { "add-connection", kw_application_add_connection_action },
};

/* Run from the build tree without GSETTINGS_SCHEMA_DIR, the schema is not
 * installed, and g_settings_new() would abort: the app then remembers
 * nothing rather than not start. */
static GSettings *
kw_application_create_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("The settings schema %s is not installed: nothing is remembered", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
kw_application_startup (GApplication *application)
{
  KwApplication *self = KW_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  G_APPLICATION_CLASS (kw_application_parent_class)->startup (application);

  g_set_application_name (_("Keyway"));
  gtk_window_set_default_icon_name (APP_ID);

  self->settings = kw_application_create_settings ();
  self->secrets = kw_libsecret_store_new ();
  self->connections = kw_connection_store_new (NULL, NULL);
  if (!kw_connection_store_load (self->connections, &self->load_error))
    g_debug ("The connections file could not be read: %s", self->load_error->message);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
}

static void
kw_application_activate (GApplication *application)
{
  kw_application_present_window (KW_APPLICATION (application));
}

static void
kw_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KwWindow *window = kw_application_present_window (KW_APPLICATION (application));

  /* A connection file is one question to answer; the first is enough. */
  if (n_files > 0)
    kw_window_import_file (window, files[0]);
}

static int
kw_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  KwApplication *self = KW_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **files = NULL;
  g_autoptr(KwConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gboolean helpdesk = g_variant_dict_contains (options, "helpdesk");
  gboolean has_files;
  KwWindow *window;

  if (g_variant_dict_contains (options, "demo") && !kw_application_start_demo (self, &error))
    {
      /* Translators: the placeholder is a system error message. */
      g_application_command_line_printerr (command_line, _("Cannot start the demo: %s\n"),
                                           error->message);
      return EXIT_FAILURE;
    }

  /* Said before any window opens: a local invocation that opens one exits
   * with 0, whatever this returns. */
  if (g_variant_dict_lookup (options, "connection", "&s", &name))
    {
      connection = kw_application_find_connection (self, name);
      if (connection == NULL)
        {
          g_application_command_line_printerr (command_line,
                                               /* Translators: the placeholder is what followed
                                                * --connection. */
                                               _("There is no connection “%s”.\n"), name);
          return EXIT_FAILURE;
        }

      if (helpdesk && !kw_connection_is_helpdesk (connection))
        {
          g_application_command_line_printerr (command_line,
                                               /* Translators: the placeholder is a connection's
                                                * name. */
                                               _("“%s” is not a helpdesk connection: it has no "
                                                 "AWS credentials to sign in with.\n"),
                                               kw_connection_get_name (connection));
          return EXIT_FAILURE;
        }
    }

  has_files = g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files) &&
              files[0] != NULL;

  /* The helpdesk is a window of its own; the wizard's opens only for a
   * connection file to add. */
  if (helpdesk)
    {
      KwHelpdeskWindow *helpdesk_window = kw_application_present_helpdesk (self);

      if (connection != NULL)
        kw_helpdesk_window_select_connection (helpdesk_window, kw_connection_get_id (connection));
      if (!has_files)
        return EXIT_SUCCESS;
    }

  window = kw_application_present_window (self);

  if (connection != NULL && !helpdesk)
    kw_window_start_recovery (window, connection);

  if (has_files)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                               files[0]);

      if (files[1] != NULL)
        g_application_command_line_printerr (command_line,
                                             _("Opening only the first file: connection "
                                               "files are added one at a time.\n"));

      kw_window_import_file (window, file);
    }

  return EXIT_SUCCESS;
}

static void
kw_application_dispose (GObject *object)
{
  KwApplication *self = KW_APPLICATION (object);

  if (self->connections_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->connections_window),
                                  (gpointer *) &self->connections_window);
  self->connections_window = NULL;

  g_clear_object (&self->demo);
  g_clear_object (&self->settings);
  g_clear_object (&self->connections);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (kw_application_parent_class)->dispose (object);
}

static void
kw_application_finalize (GObject *object)
{
  KwApplication *self = KW_APPLICATION (object);

  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (kw_application_parent_class)->finalize (object);
}

static void
kw_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KwApplication *self = KW_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      g_value_set_object (value, self->demo);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_application_class_init (KwApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kw_application_dispose;
  object_class->finalize = kw_application_finalize;
  object_class->get_property = kw_application_get_property;

  application_class->startup = kw_application_startup;
  application_class->activate = kw_application_activate;
  application_class->open = kw_application_open;
  application_class->command_line = kw_application_command_line;

  properties[PROP_DEMO] =
    g_param_spec_object ("demo", NULL, NULL,
                         KW_TYPE_DEMO,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kw_application_init (KwApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE.keyway]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Reset the forgotten password of an account kept "
                                              "in an Amazon Cognito user pool. A FILE.keyway "
                                              "connection file is added to the saved "
                                              "connections, after asking."));
}

KwApplication *
kw_application_new (void)
{
  return g_object_new (KW_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                       /* The same resources serve the .Devel build. */
                       "resource-base-path", RESOURCE_BASE_PATH,
                       NULL);
}

KwConnectionStore *
kw_application_get_connection_store (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);

  return self->connections;
}

GSettings *
kw_application_get_settings (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);

  return self->settings;
}

KwSecretStore *
kw_application_get_secret_store (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);

  return self->secrets;
}

void
kw_application_use_session_secrets (KwApplication *self)
{
  g_return_if_fail (KW_IS_APPLICATION (self));

  if (KW_IS_MEMORY_SECRET_STORE (self->secrets))
    return;

  g_debug ("No keyring: keeping secrets in memory until Keyway quits");
  g_clear_object (&self->secrets);
  self->secrets = kw_memory_secret_store_new ();
}

/**
 * kw_application_set_stores:
 * @self: the application
 * @connections: the saved connections to use from now on
 * @secrets: the secret store to use from now on
 *
 * For the UI tests, which need connections in the isolated folders of each
 * test case and a secret store they can inspect and make fail: the
 * application reads its own at startup, before any test case runs. Windows
 * opened afterwards use the new ones; those already open keep the old.
 */
void
kw_application_set_stores (KwApplication     *self,
                           KwConnectionStore *connections,
                           KwSecretStore     *secrets)
{
  g_return_if_fail (KW_IS_APPLICATION (self));
  g_return_if_fail (KW_IS_CONNECTION_STORE (connections));
  g_return_if_fail (KW_IS_SECRET_STORE (secrets));

  g_set_object (&self->connections, connections);
  g_set_object (&self->secrets, secrets);
  g_clear_error (&self->load_error);
}

KwDemo *
kw_application_get_demo (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);

  return self->demo;
}

/**
 * kw_application_start_demo:
 * @self: the application
 * @error: the fake server could not start
 *
 * Starts demo mode, unless it runs already.
 */
gboolean
kw_application_start_demo (KwApplication  *self,
                           GError        **error)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->demo != NULL)
    return TRUE;

  self->demo = kw_demo_new (error);
  if (self->demo == NULL)
    return FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);

  return TRUE;
}

void
kw_application_stop_demo (KwApplication *self)
{
  g_return_if_fail (KW_IS_APPLICATION (self));

  if (self->demo == NULL)
    return;

  g_clear_object (&self->demo);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO]);
}

GListModel *
kw_application_get_connections (KwApplication *self)
{
  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);

  if (self->demo != NULL)
    return kw_demo_get_connections (self->demo);

  return G_LIST_MODEL (self->connections);
}

KwConnection *
kw_application_find_connection (KwApplication *self,
                                const char    *name)
{
  GListModel *model;
  g_autoptr(KwConnection) found = NULL;
  guint n_named = 0;
  guint n_items;

  g_return_val_if_fail (KW_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  model = kw_application_get_connections (self);
  n_items = g_list_model_get_n_items (model);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KwConnection) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (kw_connection_get_id (item), name) == 0)
        return g_steal_pointer (&item);

      if (g_strcmp0 (kw_connection_get_name (item), name) == 0)
        {
          n_named++;
          g_set_object (&found, item);
        }
    }

  return n_named == 1 ? g_steal_pointer (&found) : NULL;
}
