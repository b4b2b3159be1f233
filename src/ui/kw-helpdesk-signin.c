/* kw-helpdesk-signin.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-helpdesk-signin-private.h"

#include "kw-aws-config.h"
#include "kw-user-message.h"
#include "kw-wizard-page.h"

#include <glib/gi18n-lib.h>

G_DEFINE_FINAL_TYPE (KwHelpdeskSignin, kw_helpdesk_signin, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
_kw_helpdesk_signin_is_disposed (KwHelpdeskSignin *self)
{
  return self->stack == NULL;
}

static KwCredentialsSource
source_for_row (guint row)
{
  switch (row)
    {
    case SOURCE_ROW_PROFILE:
      return KW_CREDENTIALS_SOURCE_PROFILE;
    case SOURCE_ROW_ENVIRONMENT:
      return KW_CREDENTIALS_SOURCE_ENVIRONMENT;
    case SOURCE_ROW_KEYRING:
    default:
      return KW_CREDENTIALS_SOURCE_KEYRING;
    }
}

static guint
row_for_source (KwCredentialsSource source)
{
  switch (source)
    {
    case KW_CREDENTIALS_SOURCE_PROFILE:
      return SOURCE_ROW_PROFILE;
    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      return SOURCE_ROW_ENVIRONMENT;
    case KW_CREDENTIALS_SOURCE_KEYRING:
    case KW_CREDENTIALS_SOURCE_NONE:
    default:
      return SOURCE_ROW_KEYRING;
    }
}

KwCredentialsSource
_kw_helpdesk_signin_get_source (KwHelpdeskSignin *self)
{
  return source_for_row (adw_combo_row_get_selected (self->source_row));
}

const char *
_kw_helpdesk_signin_get_profile (KwHelpdeskSignin *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->profiles, selected);
}

char *
_kw_helpdesk_signin_dup_text (GtkWidget *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

void
_kw_helpdesk_signin_clear_errors (KwHelpdeskSignin *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->profile_row), self->key_id_row, self->secret_row, self->token_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    kw_wizard_page_set_field_error (rows[i], self->error_label, NULL);
}

/* Secrets leave the form once stored, or when the form is filled in again. */
void
_kw_helpdesk_signin_clear_secrets (KwHelpdeskSignin *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), "");
}

static void
kw_helpdesk_signin_update_environment (KwHelpdeskSignin *self)
{
  const char *key_id = g_getenv ("AWS_ACCESS_KEY_ID");
  g_autofree char *subtitle = NULL;

  if (key_id != NULL && *key_id != '\0')
    {
      g_autoptr(KwAwsCredentials) shown = kw_aws_credentials_new (key_id, "-", NULL, NULL);
      g_autofree char *masked = kw_aws_credentials_dup_masked_key_id (shown);

      /* Translators: the placeholder is an AWS access key id with all but
       * its last four characters hidden. */
      subtitle = g_strdup_printf (_("Access key %s"), masked);
    }
  else
    {
      subtitle = g_strdup (_("No AWS_ACCESS_KEY_ID in the environment Keyway was started in"));
    }

  adw_action_row_set_subtitle (self->environment_row, subtitle);
}

/* The rows and the note follow the chosen source. */
static void
kw_helpdesk_signin_update_form (KwHelpdeskSignin *self)
{
  KwCredentialsSource source = _kw_helpdesk_signin_get_source (self);
  gboolean profile = source == KW_CREDENTIALS_SOURCE_PROFILE;
  gboolean keyring = source == KW_CREDENTIALS_SOURCE_KEYRING;
  const char *note;

  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), profile);
  gtk_widget_set_visible (GTK_WIDGET (self->environment_row),
                          source == KW_CREDENTIALS_SOURCE_ENVIRONMENT);
  gtk_widget_set_visible (self->key_id_row, keyring);
  gtk_widget_set_visible (self->secret_row, keyring);
  gtk_widget_set_visible (self->token_row, keyring);

  if (profile && self->profiles_problem != NULL)
    note = self->profiles_problem;
  else if (profile && g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) == 0)
    note = _("No profiles were found in ~/.aws/config or ~/.aws/credentials.");
  else if (profile)
    note = _("Profiles are read from ~/.aws/config and ~/.aws/credentials. Profiles that assume "
             "a role or use single sign-on are not supported.");
  else if (keyring)
    note = _("The keys are kept in the keyring, never in a file. Leave the secret access key "
             "empty to use the keys already saved for this access key ID.");
  else
    note = _("Keyway reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from "
             "the environment it was started in.");
  gtk_label_set_text (self->note_label, note);

  kw_helpdesk_signin_update_environment (self);
}

static void
kw_helpdesk_signin_update_actions (KwHelpdeskSignin *self)
{
  gboolean ready = !self->busy && kw_helpdesk_signin_get_connection (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signin.sign-in", ready);
}

void
_kw_helpdesk_signin_set_busy (KwHelpdeskSignin *self,
                             gboolean          busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;

  if (!_kw_helpdesk_signin_is_disposed (self))
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* A field about to turn insensitive gives up the focus first, or GTK
       * takes it away without telling the field. */
      if (busy && focus != NULL && gtk_widget_is_ancestor (focus, self->form_box))
        gtk_root_set_focus (root, NULL);

      gtk_widget_set_sensitive (self->form_box, !busy);
      gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
      gtk_spinner_set_spinning (self->spinner, busy);
      kw_helpdesk_signin_update_actions (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The profiles of ~/.aws, with the connection's own even when the files
 * lack it: choosing it then says that it is missing. */
static void
kw_helpdesk_signin_fill_profiles (KwHelpdeskSignin *self)
{
  KwConnection *connection = kw_helpdesk_signin_get_connection (self);
  const char *wanted = connection != NULL ? kw_connection_get_aws_profile (connection) : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  guint selected = GTK_INVALID_LIST_POSITION;

  if (self->profile_names != NULL)
    g_strv_builder_addv (builder, (const char **) self->profile_names);
  if (wanted != NULL &&
      (self->profile_names == NULL ||
       !g_strv_contains ((const char * const *) self->profile_names, wanted)))
    g_strv_builder_add (builder, wanted);
  names = g_strv_builder_end (builder);

  gtk_string_list_splice (self->profiles, 0, n_items, (const char * const *) names);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_strcmp0 (names[i], wanted != NULL ? wanted : "default") == 0)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && names[0] != NULL)
    selected = 0;

  adw_combo_row_set_selected (self->profile_row, selected);
}

static void
list_profiles_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  char **names = kw_aws_config_list_profiles (NULL, &error);

  if (names == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, names, (GDestroyNotify) g_strfreev);
}

static void
list_profiles_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  KwHelpdeskSignin *self = KW_HELPDESK_SIGNIN (object);
  g_autoptr(GError) error = NULL;
  char **names;

  names = g_task_propagate_pointer (G_TASK (result), &error);
  if (_kw_helpdesk_signin_is_disposed (self) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_strfreev (names);
      return;
    }

  g_clear_object (&self->profiles_cancellable);
  g_clear_pointer (&self->profile_names, g_strfreev);
  g_clear_pointer (&self->profiles_problem, g_free);

  if (names == NULL)
    {
      g_autoptr(KwUserMessage) message =
        kw_user_message_new_for_error (error, KW_COGNITO_OPERATION_LIST_USERS, NULL);

      self->profiles_problem = g_strdup (kw_user_message_get_body (message));
    }
  self->profile_names = names;

  self->loading = TRUE;
  kw_helpdesk_signin_fill_profiles (self);
  self->loading = FALSE;
  kw_helpdesk_signin_update_form (self);
}

/* Reading ~/.aws is file I/O: in a thread, once per panel. */
static void
kw_helpdesk_signin_list_profiles (KwHelpdeskSignin *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->profiles_cancellable != NULL)
    return;

  self->profiles_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->profiles_cancellable, list_profiles_cb, NULL);
  g_task_set_source_tag (task, kw_helpdesk_signin_list_profiles);
  g_task_run_in_thread (task, list_profiles_thread);
}

void
kw_helpdesk_signin_reload (KwHelpdeskSignin *self)
{
  KwConnection *connection;

  g_return_if_fail (KW_IS_HELPDESK_SIGNIN (self));

  connection = kw_helpdesk_signin_get_connection (self);

  self->loading = TRUE;
  _kw_helpdesk_signin_clear_errors (self);
  _kw_helpdesk_signin_clear_secrets (self);

  if (connection != NULL)
    {
      const char *key_id = kw_connection_get_access_key_id (connection);

      KwCredentialsSource source = kw_connection_get_credentials_source (connection);

      adw_combo_row_set_selected (self->source_row, row_for_source (source));
      gtk_editable_set_text (GTK_EDITABLE (self->key_id_row), key_id != NULL ? key_id : "");
    }

  kw_helpdesk_signin_fill_profiles (self);
  self->loading = FALSE;

  kw_helpdesk_signin_update_form (self);
  kw_helpdesk_signin_update_actions (self);
}

static void
kw_helpdesk_signin_update_connections (KwHelpdeskSignin *self)
{
  guint n_items = self->connections != NULL ? g_list_model_get_n_items (self->connections) : 0;

  gtk_widget_set_visible (self->connection_group, n_items > 1);
  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "form" : "none");
  kw_helpdesk_signin_update_actions (self);
}

static void
connections_changed_cb (KwHelpdeskSignin *self,
                        guint             position,
                        guint             removed,
                        guint             added,
                        GListModel       *model)
{
  g_assert (KW_IS_HELPDESK_SIGNIN (self));

  kw_helpdesk_signin_update_connections (self);
}

static void
connection_selected_cb (KwHelpdeskSignin *self,
                        GParamSpec       *pspec,
                        AdwComboRow      *row)
{
  g_assert (KW_IS_HELPDESK_SIGNIN (self));

  /* Saving the connection replaces it in the list with its new self;
   * that is not the person choosing another one. */
  if (!self->busy)
    kw_helpdesk_signin_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

static void
source_selected_cb (KwHelpdeskSignin *self,
                    GParamSpec       *pspec,
                    AdwComboRow      *row)
{
  g_assert (KW_IS_HELPDESK_SIGNIN (self));

  if (self->loading)
    return;

  _kw_helpdesk_signin_clear_errors (self);
  kw_helpdesk_signin_update_form (self);
}

static void
field_changed_cb (KwHelpdeskSignin *self)
{
  g_assert (KW_IS_HELPDESK_SIGNIN (self));

  if (!self->loading)
    _kw_helpdesk_signin_clear_errors (self);
}

void
_kw_helpdesk_signin_emit_signed_in (KwHelpdeskSignin  *self,
                                    KwHelpdeskSession *session)
{
  g_signal_emit (self, signals[SIGNED_IN], 0, session);
}

/* GtkWidget */

static void
kw_helpdesk_signin_map (GtkWidget *widget)
{
  KwHelpdeskSignin *self = KW_HELPDESK_SIGNIN (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (kw_helpdesk_signin_parent_class)->map (widget);

  /* Enter in a field signs in. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_default_widget (GTK_WINDOW (root), self->sign_in_button);
}

/* GObject */

static void
kw_helpdesk_signin_dispose (GObject *object)
{
  KwHelpdeskSignin *self = KW_HELPDESK_SIGNIN (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->profiles_cancellable);
  g_clear_object (&self->profiles_cancellable);

  if (self->connections != NULL)
    g_signal_handlers_disconnect_by_func (self->connections, connections_changed_cb, self);
  g_clear_object (&self->connections);
  g_clear_object (&self->secrets);
  g_clear_object (&self->store);
  g_clear_object (&self->demo);
  g_clear_object (&self->audit_log);

  /* The stack is both the bin's child and a template child: unparented
   * once, here, rather than by both. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_HELPDESK_SIGNIN);

  G_OBJECT_CLASS (kw_helpdesk_signin_parent_class)->dispose (object);
}

static void
kw_helpdesk_signin_finalize (GObject *object)
{
  KwHelpdeskSignin *self = KW_HELPDESK_SIGNIN (object);

  g_clear_pointer (&self->profile_names, g_strfreev);
  g_clear_pointer (&self->profiles_problem, g_free);

  G_OBJECT_CLASS (kw_helpdesk_signin_parent_class)->finalize (object);
}

static void
kw_helpdesk_signin_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  KwHelpdeskSignin *self = KW_HELPDESK_SIGNIN (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, kw_helpdesk_signin_get_connection (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_helpdesk_signin_class_init (KwHelpdeskSigninClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kw_helpdesk_signin_dispose;
  object_class->finalize = kw_helpdesk_signin_finalize;
  object_class->get_property = kw_helpdesk_signin_get_property;

  widget_class->map = kw_helpdesk_signin_map;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL,
                         KW_TYPE_CONNECTION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwHelpdeskSignin::signed-in:
   * @session: the new session
   *
   * Signing in succeeded.
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, KW_TYPE_HELPDESK_SESSION);

  g_type_ensure (KW_TYPE_CONNECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/"
                                               "kw-helpdesk-signin.ui");
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, stack);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, form_box);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, connection_group);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, connection_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, source_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, profile_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, profiles);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, environment_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, key_id_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, secret_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, token_row);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, error_label);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, note_label);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, KwHelpdeskSignin, spinner);
  gtk_widget_class_bind_template_callback (widget_class, connection_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "signin.sign-in", NULL,
                                   _kw_helpdesk_signin_sign_in_action);
}

static void
kw_helpdesk_signin_init (KwHelpdeskSignin *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kw_helpdesk_signin_update_connections (self);
  kw_helpdesk_signin_update_form (self);
}

GtkWidget *
kw_helpdesk_signin_new (void)
{
  return g_object_new (KW_TYPE_HELPDESK_SIGNIN, NULL);
}

static gboolean
is_helpdesk_cb (gpointer item,
                gpointer user_data)
{
  return kw_connection_is_helpdesk (KW_CONNECTION (item));
}

/**
 * kw_helpdesk_signin_set_sources:
 * @self: the panel
 * @connections: (nullable): every connection
 * @secrets: (nullable): the keyring
 * @store: (nullable): where a changed connection is saved
 * @demo: (nullable): in demo mode, the demo, whose connections change instead
 * @audit_log: (nullable): the log the sessions write to
 *
 * A sign-in in flight is cancelled: it was for the old sources.
 */
void
kw_helpdesk_signin_set_sources (KwHelpdeskSignin  *self,
                                GListModel        *connections,
                                KwSecretStore     *secrets,
                                KwConnectionStore *store,
                                KwDemo            *demo,
                                KwAuditLog        *audit_log)
{
  g_return_if_fail (KW_IS_HELPDESK_SIGNIN (self));
  g_return_if_fail (connections == NULL || G_IS_LIST_MODEL (connections));
  g_return_if_fail (secrets == NULL || KW_IS_SECRET_STORE (secrets));
  g_return_if_fail (store == NULL || KW_IS_CONNECTION_STORE (store));
  g_return_if_fail (demo == NULL || KW_IS_DEMO (demo));
  g_return_if_fail (audit_log == NULL || KW_IS_AUDIT_LOG (audit_log));

  g_cancellable_cancel (self->cancellable);

  g_set_object (&self->secrets, secrets);
  g_set_object (&self->store, store);
  g_set_object (&self->demo, demo);
  g_set_object (&self->audit_log, audit_log);

  if (self->connections != NULL)
    g_signal_handlers_disconnect_by_func (self->connections, connections_changed_cb, self);
  g_clear_object (&self->connections);

  if (connections != NULL)
    {
      GtkCustomFilter *filter = gtk_custom_filter_new (is_helpdesk_cb, NULL, NULL);

      self->connections = G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (connections),
                                                                   GTK_FILTER (filter)));
      g_signal_connect_object (self->connections, "items-changed",
                               G_CALLBACK (connections_changed_cb), self, G_CONNECT_SWAPPED);
    }

  adw_combo_row_set_model (self->connection_row, self->connections);
  kw_helpdesk_signin_update_connections (self);
  kw_helpdesk_signin_list_profiles (self);
  kw_helpdesk_signin_reload (self);
}

KwConnection *
kw_helpdesk_signin_get_connection (KwHelpdeskSignin *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SIGNIN (self), NULL);

  if (_kw_helpdesk_signin_is_disposed (self))
    return NULL;

  return adw_combo_row_get_selected_item (self->connection_row);
}

gboolean
kw_helpdesk_signin_select_connection (KwHelpdeskSignin *self,
                                      const char       *id)
{
  guint n_items;

  g_return_val_if_fail (KW_IS_HELPDESK_SIGNIN (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (self->connections == NULL)
    return FALSE;

  n_items = g_list_model_get_n_items (self->connections);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(KwConnection) item = g_list_model_get_item (self->connections, i);

      if (g_strcmp0 (kw_connection_get_id (item), id) == 0)
        {
          adw_combo_row_set_selected (self->connection_row, i);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
kw_helpdesk_signin_get_busy (KwHelpdeskSignin *self)
{
  g_return_val_if_fail (KW_IS_HELPDESK_SIGNIN (self), FALSE);

  return self->busy;
}
