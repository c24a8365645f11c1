/// Web server configurations that serve a Gazette site as it should be served: the theme's
/// 404 page with status 404, the redirects with status 301 (the nginx map and Apache rules
/// the build writes when `redirects:` asks for them), the precompressed copies, a year's
/// caching for image variants (their names change when their bytes do) and a short one for
/// the rest, and the site's base path.
public enum HostConfig {
    public static func nginx(base: BaseURL, root: String = "/var/www/site") -> String {
        let prefix = base.path  // "/" or "/archive/"
        let folder = prefix == "/" ? root : root + String(prefix.dropLast())
        return """
            # nginx configuration for a Gazette site (gazette deploy --print-config nginx).
            # In the http block, before this server block, include the redirects the build writes
            # (gazette.yml: redirects: [html, nginx]):
            #     include \(folder)/\(RedirectFiles.nginxFile);
            # The site's files go in \(folder)/. brotli_static needs Debian's
            # libnginx-mod-http-brotli-static; without it, delete that line.
            server {
                listen 80;
                server_name \(base.host);
                root \(root);
                charset utf-8;
                gzip_static on;
                brotli_static on;
                error_page 404 \(prefix)404.html;

                if ($gazette_redirect) {
                    return 301 $gazette_redirect;
                }
                location \(prefix) {
                    try_files $uri $uri/ =404;
                    add_header Cache-Control "public, max-age=300";
                }
                location \(prefix)images/ {
                    add_header Cache-Control "public, max-age=31536000, immutable";
                }
                location ~ /\\.ht {
                    deny all;
                }
            }

            """
    }

    public static func apache(base: BaseURL, root: String = "/var/www/site") -> String {
        let prefix = base.path
        let folder = prefix == "/" ? root : root + String(prefix.dropLast())
        return """
            # Apache configuration for a Gazette site (gazette deploy --print-config apache).
            # Needs mod_rewrite, mod_headers and mod_mime. The redirects are in the .htaccess the
            # build writes (gazette.yml: redirects: [html, apache]), which AllowOverride lets in.
            # The site's files go in \(folder)/.
            <VirtualHost *:80>
                ServerName \(base.host)
                DocumentRoot \(root)
                ErrorDocument 404 \(prefix)404.html
                <Directory \(folder)>
                    AllowOverride FileInfo
                    Options -Indexes
                    Header set Cache-Control "public, max-age=300"
                    # The precompressed copies, when the reader's browser takes them.
                    RewriteEngine On
                    RewriteCond %{HTTP:Accept-Encoding} br
                    RewriteCond %{REQUEST_FILENAME}.br -f
                    RewriteRule ^(.+)$ $1.br [L]
                    RewriteCond %{HTTP:Accept-Encoding} gzip
                    RewriteCond %{REQUEST_FILENAME}.gz -f
                    RewriteRule ^(.+)$ $1.gz [L]
                    <FilesMatch "\\.html\\.(br|gz)$">
                        ForceType text/html
                    </FilesMatch>
                    <FilesMatch "\\.(css)\\.(br|gz)$">
                        ForceType text/css
                    </FilesMatch>
                    <FilesMatch "\\.(js)\\.(br|gz)$">
                        ForceType text/javascript
                    </FilesMatch>
                    <FilesMatch "\\.(json)\\.(br|gz)$">
                        ForceType application/json
                    </FilesMatch>
                    <FilesMatch "\\.(xml)\\.(br|gz)$">
                        ForceType application/xml
                    </FilesMatch>
                    <FilesMatch "\\.br$">
                        Header append Content-Encoding br
                        Header append Vary Accept-Encoding
                    </FilesMatch>
                    <FilesMatch "\\.gz$">
                        Header append Content-Encoding gzip
                        Header append Vary Accept-Encoding
                    </FilesMatch>
                </Directory>
                <Directory \(folder)/images>
                    Header set Cache-Control "public, max-age=31536000, immutable"
                </Directory>
            </VirtualHost>

            """
    }
}
