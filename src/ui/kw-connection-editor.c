/* kw-connection-editor.c
 *
 * Copyright 2026 The Keyway authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kw-connection-editor-private.h"

#include "kw-cognito-model.h"

#include <glib/gi18n-lib.h>

/* The fields the core's rules are checked on one at a time. */
typedef enum
{
  FIELD_NAME,
  FIELD_REGION,
  FIELD_USER_POOL_ID,
  FIELD_CLIENT_ID,
  FIELD_ENDPOINT_URL,
} Field;

G_DEFINE_FINAL_TYPE (KwConnectionEditor, kw_connection_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SECRETS,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
_kw_connection_editor_is_closed (KwConnectionEditor *self)
{
  /* Disposing the template clears the widget pointers. */
  return self->name_row == NULL;
}

/* The text of a row, without the spaces a paste brings along. */
char *
_kw_connection_editor_dup_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* The core's verdict on one field: a connection that is valid but for that
 * field is validated, so that each field is judged on its own and every bad
 * one can be marked at once, by the same rules that loading and saving use. */
static gboolean
field_is_valid (Field       field,
                const char *value)
{
  g_autoptr(KwConnection) candidate = NULL;

  candidate = g_object_new (KW_TYPE_CONNECTION,
                            "id", "candidate",
                            "name", field == FIELD_NAME ? value : "Candidate",
                            "region", field == FIELD_REGION ? value : "us-east-1",
                            "client-id", field == FIELD_CLIENT_ID ? value : "candidate",
                            "user-pool-id", field == FIELD_USER_POOL_ID ? value : NULL,
                            "endpoint-url", field == FIELD_ENDPOINT_URL ? value : NULL,
                            NULL);

  return kw_connection_validate (candidate, NULL);
}

static gboolean
client_secret_is_valid (const char *secret)
{
  const KwShape *shape = kw_cognito_shape_lookup ("ClientSecretType");

  g_assert (shape != NULL);

  return kw_cognito_validate_string (shape, "ClientSecret", secret, NULL);
}

/* Marks @row as invalid, with @message as what a screen reader says about
 * it, or clears that. The text inside an entry row has the focus, so it
 * gets the state as well. */
static void
set_row_error (GtkWidget  *row,
               const char *message)
{
  GtkAccessible *accessibles[2] = { GTK_ACCESSIBLE (row), NULL };

  if (GTK_IS_EDITABLE (row))
    accessibles[1] = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  for (guint i = 0; i < G_N_ELEMENTS (accessibles) && accessibles[i] != NULL; i++)
    {
      if (message != NULL)
        {
          gtk_accessible_update_state (accessibles[i],
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
          gtk_accessible_update_property (accessibles[i],
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                          -1);
        }
      else
        {
          gtk_accessible_reset_state (accessibles[i], GTK_ACCESSIBLE_STATE_INVALID);
          gtk_accessible_reset_property (accessibles[i], GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }
}

/* Shows @message under a group, or hides the caption. */
static void
set_caption (GtkLabel   *caption,
             const char *message)
{
  gtk_label_set_text (caption, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (caption), message != NULL);
}

static void
append_line (GString    *lines,
             const char *line)
{
  if (line == NULL)
    return;

  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, line);
}

/* Checks one row: an empty row is never marked (it has not been filled in
 * yet), but a required one keeps the form incomplete. Returns the row's
 * message, if any. */
static const char *
check_row (AdwEntryRow *row,
           Field        field,
           gboolean     required,
           const char  *message,
           gboolean    *complete)
{
  g_autofree char *text = _kw_connection_editor_dup_text (row);
  gboolean bad = text[0] != '\0' && !field_is_valid (field, text);

  /* A name of spaces only has been typed, and is wrong. */
  if (field == FIELD_NAME && text[0] == '\0' &&
      gtk_editable_get_text (GTK_EDITABLE (row))[0] != '\0')
    bad = TRUE;

  if (bad || (required && text[0] == '\0'))
    *complete = FALSE;

  set_row_error (GTK_WIDGET (row), bad ? message : NULL);

  return bad ? message : NULL;
}

gboolean
_kw_connection_editor_client_changed (KwConnectionEditor *self)
{
  g_autofree char *region = NULL;
  g_autofree char *client_id = NULL;

  if (self->connection == NULL)
    return FALSE;

  region = _kw_connection_editor_dup_text (self->region_row);
  client_id = _kw_connection_editor_dup_text (self->client_id_row);

  return g_strcmp0 (region, kw_connection_get_region (self->connection)) != 0 ||
         g_strcmp0 (client_id, kw_connection_get_client_id (self->connection)) != 0;
}

static void
kw_connection_editor_update_stored_row (KwConnectionEditor *self)
{
  const char *title = NULL;
  const char *subtitle = NULL;

  switch (self->stored)
    {
    case KW_STORED_SECRET_CHECKING:
      title = _("Client secret");
      subtitle = _("Looking in your keyring…");
      break;
    case KW_STORED_SECRET_YES:
      title = _("A client secret is stored in your keyring");
      subtitle = self->read_only ? _("Type a new one above to replace it")
                                 : _("Type a new one above to replace it, or remove it");
      break;
    case KW_STORED_SECRET_MISSING:
      title = _("No client secret is stored");
      subtitle = _("This app client has a secret: type it above");
      break;
    case KW_STORED_SECRET_UNREADABLE:
      title = _("The keyring could not be read");
      subtitle = _("It may be locked. Type the client secret above to store it again");
      break;
    case KW_STORED_SECRET_NONE:
    default:
      break;
    }

  if (self->forget_secret)
    {
      title = _("The client secret will be removed");
      subtitle = _("From your keyring, when you save");
    }

  gtk_widget_set_visible (GTK_WIDGET (self->stored_secret_row),
                          self->stored != KW_STORED_SECRET_NONE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stored_secret_row),
                                 title != NULL ? title : "");
  adw_action_row_set_subtitle (self->stored_secret_row, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (self->forget_secret_button, !self->read_only && !self->forget_secret);
  gtk_widget_set_visible (self->keep_secret_button, !self->read_only && self->forget_secret);
}

/* Checks every field and says what is wrong, then enables Save when the
 * connection can be saved. */
void
_kw_connection_editor_update (KwConnectionEditor *self)
{
  g_autofree char *secret = NULL;
  g_autofree char *secret_message = NULL;
  g_autoptr(GString) pool_messages = NULL;
  const char *message;
  gboolean complete = TRUE;

  if (_kw_connection_editor_is_closed (self))
    return;

  if (!self->read_only)
    {
      message = check_row (self->name_row, FIELD_NAME, TRUE,
                           _("Enter a name of up to 128 characters."), &complete);
      set_caption (self->name_caption, message);

      /* The group says what is wrong with each of its rows, in their order. */
      pool_messages = g_string_new (NULL);
      append_line (pool_messages,
                   check_row (self->region_row, FIELD_REGION, TRUE,
                              _("Enter an AWS Region, such as eu-west-1."), &complete));
      append_line (pool_messages,
                   check_row (self->user_pool_row, FIELD_USER_POOL_ID, FALSE,
                              _("A user pool ID looks like eu-west-1_AbCdEf123."), &complete));
      append_line (pool_messages,
                   check_row (self->client_id_row, FIELD_CLIENT_ID, TRUE,
                              _("An app client ID has only letters, digits, “_” or “+”."),
                              &complete));
      set_caption (self->pool_caption, pool_messages->len > 0 ? pool_messages->str : NULL);

      message = check_row (self->endpoint_row, FIELD_ENDPOINT_URL, FALSE,
                           _("Enter an https URL with only a host and a port, such as "
                             "https://cognito.example.com. Plain http is allowed only to "
                             "127.0.0.1, ::1 or localhost."),
                           &complete);
      set_caption (self->endpoint_caption, message);
    }

  secret = _kw_connection_editor_dup_text (self->secret_row);
  if (secret[0] != '\0' && !client_secret_is_valid (secret))
    {
      const KwShape *shape = kw_cognito_shape_lookup ("ClientSecretType");

      secret_message =
        /* Translators: the numbers are the shortest and longest lengths of
         * an app client secret. */
        g_strdup_printf (_("A client secret has %d to %d letters, digits, “_” or “+”."),
                         (int) shape->min, (int) shape->max);
      complete = FALSE;
    }
  set_row_error (GTK_WIDGET (self->secret_row), secret_message);

  /* A secret belongs to its app client: one stored for the old client is
   * of no use to the new one. */
  if (secret[0] == '\0' &&
      self->stored != KW_STORED_SECRET_NONE &&
      !self->forget_secret &&
      _kw_connection_editor_client_changed (self))
    {
      secret_message = g_strdup (_("The stored client secret belongs to the previous app "
                                   "client. Type the new client’s secret, or remove the "
                                   "stored one."));
      complete = FALSE;
    }
  set_caption (self->secret_caption, secret_message);

  /* A system connection can only be given its secret. */
  if (self->read_only)
    complete = complete && secret[0] != '\0';

  kw_connection_editor_update_stored_row (self);

  gtk_widget_set_sensitive (self->form_box, !self->saving);
  gtk_widget_set_visible (GTK_WIDGET (self->save_spinner), self->saving);
  gtk_spinner_set_spinning (self->save_spinner, self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", complete && !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !self->saving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.forget-secret",
                                 !self->read_only && !self->forget_secret);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.keep-secret",
                                 !self->read_only && self->forget_secret);
}

static void
field_changed_cb (KwConnectionEditor *self,
                  GtkEditable        *editable)
{
  g_assert (KW_IS_CONNECTION_EDITOR (self));

  _kw_connection_editor_update (self);
}

/* Saving went through: says so, and closes. */
void
_kw_connection_editor_saved (KwConnectionEditor *self,
                             KwConnection       *connection)
{
  g_signal_emit (self, signals[SAVED], 0, connection);

  if (!_kw_connection_editor_is_closed (self))
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
kw_connection_editor_forget_secret_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *param)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (widget);

  self->forget_secret = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->secret_row), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->secret_row), FALSE);
  _kw_connection_editor_update (self);
  gtk_widget_grab_focus (self->keep_secret_button);
}

static void
kw_connection_editor_keep_secret_action (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *param)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (widget);

  self->forget_secret = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->secret_row), TRUE);
  _kw_connection_editor_update (self);
  gtk_widget_grab_focus (self->forget_secret_button);
}

static void
kw_connection_editor_lookup_cb (GObject      *object,
                                GAsyncResult *result,
                                gpointer      user_data)
{
  KwConnectionEditor *self = user_data;   /* alive unless cancelled */
  g_autoptr(GError) error = NULL;
  char *secret;

  /* Only whether there is one: the secret itself is never shown. */
  secret = kw_secret_store_lookup_finish (KW_SECRET_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      _kw_connection_editor_is_closed (self))
    {
      g_clear_pointer (&secret, kw_secret_free);
      return;
    }

  if (error != NULL)
    self->stored = KW_STORED_SECRET_UNREADABLE;
  else
    self->stored = secret != NULL ? KW_STORED_SECRET_YES : KW_STORED_SECRET_MISSING;
  g_clear_pointer (&secret, kw_secret_free);

  _kw_connection_editor_update (self);
}

static void
kw_connection_editor_load_policy (KwConnectionEditor     *self,
                                  const KwPasswordPolicy *policy)
{
  gtk_spin_button_set_value (self->length_spin, policy->minimum_length);
  gtk_switch_set_active (self->uppercase_switch, policy->require_uppercase);
  gtk_switch_set_active (self->lowercase_switch, policy->require_lowercase);
  gtk_switch_set_active (self->numbers_switch, policy->require_numbers);
  gtk_switch_set_active (self->symbols_switch, policy->require_symbols);
}

/* Fills the form in from the connection being edited or shown. */
static void
kw_connection_editor_load (KwConnectionEditor *self)
{
  KwConnection *connection = self->connection;
  g_autofree char *credentials = NULL;
  AdwEntryRow *entries[] = {
    self->name_row, self->region_row, self->user_pool_row, self->client_id_row,
    self->endpoint_row,
  };

  if (connection == NULL)
    {
      KwPasswordPolicy policy;

      /* A new pool's rules are Cognito's defaults until changed. */
      kw_password_policy_init_default (&policy);
      kw_connection_editor_load_policy (self, &policy);
      adw_window_title_set_title (self->window_title, _("Add Connection"));
      gtk_window_set_title (GTK_WINDOW (self), _("Add Connection"));
      _kw_connection_editor_update (self);
      return;
    }

  self->read_only = kw_connection_get_origin (connection) == KW_CONNECTION_ORIGIN_SYSTEM;
  adw_window_title_set_title (self->window_title,
                              self->read_only ? _("Connection") : _("Edit Connection"));
  gtk_window_set_title (GTK_WINDOW (self),
                        self->read_only ? _("Connection") : _("Edit Connection"));
  adw_window_title_set_subtitle (self->window_title, kw_connection_get_name (connection));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), kw_connection_get_name (connection));
  gtk_editable_set_text (GTK_EDITABLE (self->region_row), kw_connection_get_region (connection));
  if (kw_connection_get_user_pool_id (connection) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->user_pool_row),
                           kw_connection_get_user_pool_id (connection));
  gtk_editable_set_text (GTK_EDITABLE (self->client_id_row),
                         kw_connection_get_client_id (connection));
  if (kw_connection_get_endpoint_url (connection) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->endpoint_row),
                           kw_connection_get_endpoint_url (connection));
  gtk_switch_set_active (self->prevent_switch,
                         kw_connection_get_prevent_user_existence_errors (connection));

  kw_connection_editor_load_policy (self, kw_connection_get_password_policy (connection));

  adw_action_row_set_subtitle (self->id_row, kw_connection_get_id (connection));
  gtk_widget_set_visible (GTK_WIDGET (self->id_row), TRUE);

  switch (kw_connection_get_credentials_source (connection))
    {
    case KW_CREDENTIALS_SOURCE_PROFILE:
      /* Translators: the placeholder is the name of an AWS CLI profile. */
      credentials = g_strdup_printf (_("The AWS profile “%s”, kept as it is"),
                                     kw_connection_get_aws_profile (connection));
      adw_action_row_set_subtitle (self->credentials_row, credentials);
      break;
    case KW_CREDENTIALS_SOURCE_ENVIRONMENT:
      adw_action_row_set_subtitle (self->credentials_row,
                                   _("From the environment Keyway is started in, kept as it is"));
      break;
    case KW_CREDENTIALS_SOURCE_KEYRING:
      adw_action_row_set_subtitle (self->credentials_row,
                                   _("An access key in your keyring, kept as it is"));
      break;
    case KW_CREDENTIALS_SOURCE_NONE:
    default:
      break;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->credentials_row),
                          kw_connection_is_helpdesk (connection));

  if (kw_connection_get_has_client_secret (connection))
    {
      g_autoptr(GHashTable) attributes = NULL;

      self->stored = KW_STORED_SECRET_CHECKING;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->secret_row),
                                     _("New Client Secret"));
      attributes = kw_secret_attributes_for_client (kw_connection_get_region (connection),
                                                    kw_connection_get_client_id (connection));
      /* Not holding the editor: closed, it goes at once, with its parent
       * still there, and its dispose cancels the lookup. */
      kw_secret_store_lookup_async (self->secrets, KW_SECRET_KIND_CLIENT_SECRET, attributes,
                                    self->cancellable, kw_connection_editor_lookup_cb,
                                    self);
    }

  if (self->read_only)
    {
      gtk_widget_set_visible (self->read_only_group, TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        gtk_editable_set_editable (GTK_EDITABLE (entries[i]), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->prevent_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->length_spin), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->uppercase_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->lowercase_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->numbers_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->symbols_switch), FALSE);
      /* Its secret is the person's own, in their keyring: they may enter
       * it; the rest is the administrator's. */
      gtk_widget_set_visible (self->secret_box, kw_connection_get_has_client_secret (connection));
      gtk_widget_set_visible (self->save_button, kw_connection_get_has_client_secret (connection));
      gtk_button_set_label (GTK_BUTTON (self->cancel_button), _("_Close"));
    }

  _kw_connection_editor_update (self);
}

static gboolean
kw_connection_editor_close_request (GtkWindow *window)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (window);

  /* Saving runs to its end, and says how it went, here. */
  if (self->saving)
    return TRUE;

  return GTK_WINDOW_CLASS (kw_connection_editor_parent_class)->close_request (window);
}

static void
kw_connection_editor_constructed (GObject *object)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (object);

  G_OBJECT_CLASS (kw_connection_editor_parent_class)->constructed (object);

  g_assert (KW_IS_CONNECTION_STORE (self->store));
  g_assert (KW_IS_SECRET_STORE (self->secrets));

  kw_connection_editor_load (self);
  gtk_widget_grab_focus (self->read_only ? self->cancel_button : GTK_WIDGET (self->name_row));
}

static void
kw_connection_editor_dispose (GObject *object)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->saved_focus);

  gtk_widget_dispose_template (GTK_WIDGET (self), KW_TYPE_CONNECTION_EDITOR);

  g_clear_object (&self->store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (kw_connection_editor_parent_class)->dispose (object);
}

static void
kw_connection_editor_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SECRETS:
      g_value_set_object (value, self->secrets);
      break;

    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_connection_editor_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  KwConnectionEditor *self = KW_CONNECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SECRETS:
      self->secrets = g_value_dup_object (value);
      break;

    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kw_connection_editor_class_init (KwConnectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = kw_connection_editor_constructed;
  object_class->dispose = kw_connection_editor_dispose;
  object_class->get_property = kw_connection_editor_get_property;
  object_class->set_property = kw_connection_editor_set_property;

  window_class->close_request = kw_connection_editor_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, KW_TYPE_CONNECTION_STORE, flags);
  properties[PROP_SECRETS] =
    g_param_spec_object ("secrets", NULL, NULL, KW_TYPE_SECRET_STORE, flags);
  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, KW_TYPE_CONNECTION, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KwConnectionEditor::saved:
   * @connection: the connection as saved
   *
   * The connection, and its client secret, are saved.
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KW_TYPE_CONNECTION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/keyway/Keyway/ui/"
                                               "kw-connection-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, save_spinner);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, form_box);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, read_only_group);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, name_caption);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, region_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, user_pool_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, client_id_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, pool_caption);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, secret_box);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, secret_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, stored_secret_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, forget_secret_button);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, keep_secret_button);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, secret_caption);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, prevent_switch);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, length_spin);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, uppercase_switch);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, lowercase_switch);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, numbers_switch);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, symbols_switch);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, endpoint_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, endpoint_caption);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, id_row);
  gtk_widget_class_bind_template_child (widget_class, KwConnectionEditor, credentials_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL,
                                   _kw_connection_editor_save_action);
  gtk_widget_class_install_action (widget_class, "editor.forget-secret", NULL,
                                   kw_connection_editor_forget_secret_action);
  gtk_widget_class_install_action (widget_class, "editor.keep-secret", NULL,
                                   kw_connection_editor_keep_secret_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kw_connection_editor_init (KwConnectionEditor *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->save_button);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * kw_connection_editor_new:
 * @parent: (nullable): the window the editor belongs to
 * @store: where the connection is saved
 * @secrets: where its client secret is kept
 * @connection: (nullable): the connection to edit or show; %NULL to add one
 *
 * Returns: (transfer full): a modal editor, not shown yet
 */
KwConnectionEditor *
kw_connection_editor_new (GtkWindow         *parent,
                          KwConnectionStore *store,
                          KwSecretStore     *secrets,
                          KwConnection      *connection)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KW_IS_CONNECTION_STORE (store), NULL);
  g_return_val_if_fail (KW_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (connection == NULL || KW_IS_CONNECTION (connection), NULL);

  return g_object_new (KW_TYPE_CONNECTION_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "secrets", secrets,
                       "connection", connection,
                       NULL);
}

KwConnection *
kw_connection_editor_get_connection (KwConnectionEditor *self)
{
  g_return_val_if_fail (KW_IS_CONNECTION_EDITOR (self), NULL);

  return self->connection;
}
