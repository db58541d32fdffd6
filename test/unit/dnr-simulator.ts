/** The DNR matching model the unit tests evaluate rules with: the build's own (scripts/catalog/dnr-model.ts). */
export * from '../../scripts/catalog/dnr-model';
