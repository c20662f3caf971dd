package org.roadpulse.roadai.mapping;

/**
 * Decides the crack sub-type from measurements: a mesh (several junctions or closed cells with no strong direction)
 * is {@link CrackSubtype#ALLIGATOR}; otherwise the principal direction decides, steeper than 45 degrees being
 * {@link CrackSubtype#LONGITUDINAL} and flatter {@link CrackSubtype#TRANSVERSE}.
 *
 * @param minJunctions  junctions that make a mesh
 * @param minMeshCells  closed cells that make a mesh
 * @param maxMeshAnisotropy a mesh has no strong direction; above this anisotropy a branched crack is still a line
 */
public record CrackShapeRule(int minJunctions, int minMeshCells, double maxMeshAnisotropy) {
    public static final CrackShapeRule DEFAULT = new CrackShapeRule(3, 2, 0.75);

    public CrackSubtype subtypeOf(CrackMeasurements m) {
        boolean branched = m.junctions() >= minJunctions || m.meshCells() >= minMeshCells;
        if (branched && m.anisotropy() <= maxMeshAnisotropy) {
            return CrackSubtype.ALLIGATOR;
        }
        return m.angleDeg() > 45 ? CrackSubtype.LONGITUDINAL : CrackSubtype.TRANSVERSE;
    }
}
