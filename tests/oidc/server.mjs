// A real OpenID Connect provider (the certified `oidc-provider` package) for the
// sign-in tests, on localhost. Anyone may sign in with any login name and any
// password through the package's own login form; the name is the account's
// email. Configuration comes from the environment:
//   OIDC_PORT           port to listen on (127.0.0.1)
//   OIDC_CLIENT_ID      the one client (the BorderWatch app)
//   OIDC_CLIENT_SECRET
//   OIDC_REDIRECT_URIS  comma-separated, e.g. http://localhost:8501/oauth2callback
//   OIDC_GROUPS         JSON {"email": ["group", ...]}: the `groups` claim per account
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT);
const issuer = `http://localhost:${port}`;
const groups = JSON.parse(process.env.OIDC_GROUPS || '{}');

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID,
    client_secret: process.env.OIDC_CLIENT_SECRET,
    redirect_uris: process.env.OIDC_REDIRECT_URIS.split(','),
    // Streamlit's st.logout returns through its redirect_uri (/oauth2callback).
    post_logout_redirect_uris: process.env.OIDC_REDIRECT_URIS.split(','),
  }],
  async findAccount(ctx, id) {
    const email = id.includes('@') ? id : `${id}@example.org`;
    return {
      accountId: id,
      async claims() {
        return {
          sub: id, email, email_verified: true, name: email.split('@')[0],
          groups: groups[email] || [],
        };
      },
    };
  },
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'groups'],
  },
  // Streamlit reads who signed in from the ID token, not from the userinfo endpoint.
  conformIdTokenClaims: false,
  // The app is first-party: grant what it asks for instead of showing a consent page.
  async loadExistingGrant(ctx) {
    const grant = new provider.Grant({
      clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId,
    });
    grant.addOIDCScope('openid email profile');
    grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
    await grant.save();
    return grant;
  },
  features: { devInteractions: { enabled: true } },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
