export function DirectoryPage() {
  return null;
}
